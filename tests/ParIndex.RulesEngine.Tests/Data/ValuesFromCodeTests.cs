using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// Row values from code (<see cref="AgencyBatchBuilder.Add(string?, IReadOnlyDictionary{string, object?}, string?)"/>)
/// and columns (<see cref="ColumnarBatch"/>): JsonElement, JsonNode and every CLR number, by the
/// rules of docs/api.md ("Values from code"). Points of <see cref="DataRuleSets.Basic"/>:
/// score / 10 + 5 when reported (+ extra when given).
/// </summary>
[TestClass]
public sealed class ValuesFromCodeTests
{
    private static AgencyBatch One(IReadOnlyDictionary<string, object?> values, CultureInfo? culture = null)
    {
        var builder = new AgencyBatchBuilder(Basic, culture);
        builder.Add("A", values);
        return builder.Build();
    }

    private static Dictionary<string, object?> Values(object? score, object? reported = null, object? kind = null) =>
        new() { ["score"] = score, ["reported"] = reported ?? true, ["kind"] = kind ?? "so" };

    [TestMethod]
    public void A_dictionary_of_json_elements_as_ASP_NET_binds_it_is_read_like_the_json_file()
    {
        const string json = """{ "score": 24, "reported": true, "kind": "huyen", "extra": "1.5" }""";
        var elements = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        var batch = One(elements.ToDictionary(p => p.Key, p => (object?)p.Value));
        Assert.AreEqual(1, batch.Count, Describe(batch));
        var file = JsonAgencyReader.Read(Basic, new StringReader($"[{json.Replace("{ ", "{ \"agencyId\": \"A\", ", StringComparison.Ordinal)}]"));
        Assert.AreEqual(Basic.Score(file).Find("A")!.Total, Basic.Score(batch).Find("A")!.Total, 1e-12);
        Assert.AreEqual(8.9, Basic.Score(batch).Find("A")!.Total, 1e-9, "24 / 10 + 5 + 1.5");
    }

    [TestMethod]
    public void Json_nodes_and_values_are_read()
    {
        var node = JsonNode.Parse("""{ "score": 24, "reported": false, "kind": "XA" }""")!.AsObject();
        var fromParse = One(node.ToDictionary(p => p.Key, p => (object?)p.Value));
        var fromCode = One(Values(JsonValue.Create(24), JsonValue.Create(false), JsonValue.Create("xa")));
        Assert.AreEqual((1, 1), (fromParse.Count, fromCode.Count), Describe(fromParse) + Describe(fromCode));
        Assert.AreEqual(2.4, Basic.Score(fromParse).Find("A")!.Total, 1e-9);
        Assert.AreEqual(2.4, Basic.Score(fromCode).Find("A")!.Total, 1e-9);
        Assert.AreEqual("xa", fromParse.Texts[0][0], "an enum value matched without case is stored as declared");
    }

    public static IEnumerable<object[]> EveryNumber() =>
    [
        [(sbyte)24], [(byte)24], [(short)24], [(ushort)24], [24], [24u], [24L], [24UL], [(nint)24], [(nuint)24],
        [(Int128)24], [(UInt128)24], [new BigInteger(24)], [24f], [24d], [24m], [(Half)24],
        [JsonDocument.Parse("24").RootElement], [JsonDocument.Parse("24.0").RootElement], [JsonValue.Create(24m)],
    ];

    [TestMethod]
    [DynamicData(nameof(EveryNumber))]
    public void Every_clr_number_type_and_json_number_is_a_number(object score)
    {
        var batch = One(Values(score));
        Assert.AreEqual(1, batch.Count, $"{score.GetType().Name}: {Describe(batch)}");
        Assert.AreEqual(24d, batch.Numbers[0][0], score.GetType().Name);
    }

    [TestMethod]
    public void Float_and_half_are_taken_at_their_shortest_decimal_form()
    {
        // (double)0.7f is 0.699999988079071; the value meant is 0.7, the double nearest to "0.7".
        var values = Values(50);
        values["extra"] = 0.7f;
        Assert.AreEqual(0.7, One(values).Numbers[1][0]);
        Assert.AreEqual(0.1, One(new Dictionary<string, object?>(Values(50)) { ["extra"] = (Half)0.1 }).Numbers[1][0], "Half 0.1 prints as 0.1");
    }

    [TestMethod]
    public void Decimal_becomes_the_nearest_double()
    {
        Assert.AreEqual(0.1, One(new Dictionary<string, object?>(Values(50)) { ["extra"] = 0.1m }).Numbers[1][0]);
        var long28 = 1234567890.123456789012345678m;
        Assert.AreEqual(double.Parse("1234567890.123456789012345678", CultureInfo.InvariantCulture), One(new Dictionary<string, object?>(Values(50)) { ["extra"] = long28 }).Numbers[1][0]);
    }

    [TestMethod]
    [DataRow(9_007_199_254_740_992L, true, DisplayName = "2^53")]
    [DataRow(1L << 60, true, DisplayName = "2^60, exact in a double")]
    [DataRow(9_007_199_254_740_993L, false, DisplayName = "2^53 + 1")]
    [DataRow(long.MaxValue, false, DisplayName = "long.MaxValue")]
    public void Integers_beyond_2_to_the_53_are_refused_unless_exact(long value, bool accepted)
    {
        foreach (var raw in new object[] { value, (ulong)value, (Int128)value, new BigInteger(value) })
        {
            var batch = One(new Dictionary<string, object?>(Values(50)) { ["extra"] = raw });
            Assert.AreEqual(accepted ? 1 : 0, batch.Count, $"{raw.GetType().Name}: {Describe(batch)}");
            if (accepted) Assert.AreEqual((double)value, batch.Numbers[1][0]);
            else
            {
                var error = batch.RowErrors.Single();
                Assert.AreEqual(("extra", DiagnosticCodes.WrongType), (error.Field, error.Code));
                StringAssert.Contains(error.Message, "is an integer that a double cannot hold exactly");
            }
        }
    }

    [TestMethod]
    public void NaN_and_infinity_of_any_floating_type_are_row_errors_not_missing()
    {
        foreach (var raw in new object[] { double.NaN, float.PositiveInfinity, Half.NegativeInfinity, double.PositiveInfinity })
        {
            var error = One(new Dictionary<string, object?>(Values(50)) { ["extra"] = raw }).RowErrors.Single();
            Assert.AreEqual(("extra", DiagnosticCodes.WrongType), (error.Field, error.Code), raw.GetType().Name);
            StringAssert.Contains(error.Message, "is not a finite number");
        }
    }

    [TestMethod]
    public void Json_null_is_missing_and_follows_the_input_policy()
    {
        var nullElement = JsonDocument.Parse("null").RootElement;
        var error = One(Values(nullElement)).RowErrors.Single();
        Assert.AreEqual(("score", DiagnosticCodes.MissingValue), (error.Field, error.Code), "score requires a value");
        var batch = One(new Dictionary<string, object?>(Values(50)) { ["extra"] = nullElement });
        Assert.AreEqual(1, batch.Count);
        Assert.IsFalse(Basic.Score(batch).Find("A")!["3"].IsApplicable, "extra is notApplicable when missing");
    }

    [TestMethod]
    public void A_json_string_holding_a_number_follows_the_data_culture()
    {
        var text = JsonDocument.Parse("\"0,75\"").RootElement;
        Assert.AreEqual(0.75, One(Values(text), CultureInfo.GetCultureInfo("vi-VN")).Numbers[0][0]);
        var error = One(Values(text)).RowErrors.Single();
        Assert.AreEqual(DiagnosticCodes.NumberSeparator, error.Code, "under the invariant culture ',' is a group separator");
    }

    [TestMethod]
    public void Bools_from_json_and_numbers_one_and_zero()
    {
        foreach (var (raw, expected) in new (object, bool)[] { (JsonDocument.Parse("true").RootElement, true), (JsonDocument.Parse("0").RootElement, false), (1m, true), ((byte)0, false), (JsonValue.Create("có"), true) })
        {
            var batch = One(Values(50, reported: raw));
            Assert.AreEqual(1, batch.Count, $"{raw}: {Describe(batch)}");
            Assert.AreEqual(expected, batch.Bools[0][0], raw.ToString());
        }
        Assert.AreEqual(DiagnosticCodes.WrongType, One(Values(50, reported: 2)).RowErrors.Single().Code);
    }

    [TestMethod]
    public void Arrays_and_objects_are_refused_with_their_json()
    {
        var error = One(Values(JsonDocument.Parse("[1, 2]").RootElement)).RowErrors.Single();
        Assert.AreEqual(("score", DiagnosticCodes.WrongType), (error.Field, error.Code));
        StringAssert.Contains(error.Message, "'[1, 2]' is not a number");
        StringAssert.Contains(One(Values(new JsonObject { ["v"] = 1 })).RowErrors.Single().Message, """'{"v":1}' is not a number""");
    }

    [TestMethod]
    public void Columns_of_other_types_are_converted_by_the_same_rules()
    {
        var columns = new Dictionary<string, Array>
        {
            ["score"] = new[] { 24, 50, 70 },
            ["reported"] = new bool?[] { true, null, false },
            ["kind"] = new[] { JsonDocument.Parse("\"so\"").RootElement, JsonDocument.Parse("\"xa\"").RootElement, JsonDocument.Parse("\"tinh\"").RootElement },
            ["extra"] = new object?[] { 1.5m, null, 2f },
        };
        var batch = ColumnarBatch.Create(Basic, ["A", "B", "C"], columns);
        Assert.AreEqual("A", batch.AgencyIds.Single(), Describe(batch));
        var errors = batch.RowErrors.OrderBy(e => e.Row).ToList();
        Assert.AreEqual(("B", "reported", DiagnosticCodes.MissingValue), (errors[0].AgencyId, errors[0].Field, errors[0].Code));
        Assert.AreEqual(("C", "kind", DiagnosticCodes.WrongType), (errors[1].AgencyId, errors[1].Field, errors[1].Code));
        Assert.AreEqual(8.9, Basic.Score(batch).Find("A")!.Total, 1e-9, "24 / 10 + 5 + 1.5");
    }

    [TestMethod]
    public void In_a_typed_float_column_NaN_is_missing_as_in_a_double_column()
    {
        var batch = ColumnarBatch.Create(Basic, ["A"], new Dictionary<string, Array>
        {
            ["score"] = new[] { 50f }, ["reported"] = new[] { true }, ["kind"] = new string?[] { "so" }, ["extra"] = new[] { float.NaN },
        });
        Assert.AreEqual(1, batch.Count, Describe(batch));
        Assert.IsFalse(Basic.Score(batch).Find("A")!["3"].IsApplicable);
    }
}
