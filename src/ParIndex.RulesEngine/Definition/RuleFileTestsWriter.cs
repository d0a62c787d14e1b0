using System.Text.Json;

namespace ParIndex.RulesEngine.Definition;

/// <summary>The <c>tests</c> section of <see cref="RuleFileWriter"/>: each case's agencies and what it expects.</summary>
internal static class RuleFileTestsWriter
{
    public static void TestCase(Utf8JsonWriter json, RuleSetTestCase test)
    {
        json.WriteStartObject();
        json.WriteString("name", test.Name);
        RuleFileWriter.Optional(json, "source", test.Source);
        json.WritePropertyName("agency");
        Agency(json, test.Agency, test.Name);
        RuleFileWriter.List(json, "others", test.Others, (w, other) => Agency(w, other, test.Name));
        Expectation(json, test.Expect, test.Name);
        json.WriteEndObject();
    }

    private static void Agency(Utf8JsonWriter json, TestAgency agency, string testName)
    {
        json.WriteStartObject();
        json.WriteString("id", agency.Id);
        RuleFileWriter.Optional(json, "name", agency.Name);
        Values(json, "inputs", agency.Inputs, testName, always: true);
        json.WriteEndObject();
    }

    private static void Expectation(Utf8JsonWriter json, TestExpectation? expect, string testName)
    {
        json.WriteStartObject("expect");
        if (expect is not null)
        {
            Values(json, "criteria", expect.Criteria, testName, always: false);
            Scalar(json, "total", expect.Total, testName);
            Scalar(json, "maxPoints", expect.MaxPoints, testName);
            Scalar(json, "percent", expect.Percent, testName);
            Scalar(json, "classification", expect.Classification, testName);
            Scalar(json, "rank", expect.Rank, testName);
            Values(json, "eligibility", expect.Eligibility, testName, always: false);
        }
        json.WriteEndObject();
    }

    private static void Values(Utf8JsonWriter json, string name, IReadOnlyList<TestValue>? values, string testName, bool always)
    {
        if (!always && values is not { Count: > 0 }) return;
        json.WriteStartObject(name);
        foreach (var value in values ?? []) Named(json, value, testName);
        json.WriteEndObject();
    }

    private static void Scalar(Utf8JsonWriter json, string name, TestValue? value, string testName)
    {
        if (value is null) return;
        json.WritePropertyName(name);
        RuleFileWriter.Value(json, value.Value, $"expected {name} of test '{testName}'");
    }

    private static void Named(Utf8JsonWriter json, TestValue value, string testName)
    {
        json.WritePropertyName(value.Name);
        RuleFileWriter.Value(json, value.Value, $"value '{value.Name}' of test '{testName}'");
    }
}
