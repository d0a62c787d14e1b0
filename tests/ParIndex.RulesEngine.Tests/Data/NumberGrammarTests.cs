using System.Globalization;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// One strict number grammar per culture: [sign] digits [decimal separator digits] [exponent];
/// group separators only with grouping on, between groups of three, never with a decimal separator.
/// </summary>
[TestClass]
public sealed class NumberGrammarTests
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static AgencyBatch ReadScore(string cell, CultureInfo culture, bool thousands = false) =>
        CsvAgencyReader.Read(Basic, new StringReader($"agencyId;score;reported;kind;extra\nA;{cell};có;so;1\n"),
            new DataReadOptions { Culture = culture, AllowThousands = thousands }, "data.csv");

    [TestMethod]
    [DataRow("1.5", "'1.5' under vi-VN: '.' is the group (thousands) separator, and group separators are not allowed; the decimal separator is ','", DisplayName = "1.5 (was read as 15)")]
    [DataRow("0.75", "'0.75' under vi-VN: '.' is the group (thousands) separator", DisplayName = "0.75 (was read as 75)")]
    [DataRow("0.269", "'0.269' under vi-VN: '.' is the group (thousands) separator", DisplayName = "0.269 (was read as 269)")]
    [DataRow("1.2.3", "'1.2.3' under vi-VN: '.' is the group (thousands) separator", DisplayName = "1.2.3 (was read as 123)")]
    public void A_dot_under_vi_VN_is_a_row_error_naming_agency_field_and_cell(string cell, string expected)
    {
        var error = ReadScore(cell, Vietnamese).RowErrors.Single();
        Assert.AreEqual((DiagnosticCodes.NumberSeparator, "A", "score"), (error.Code, error.AgencyId, error.Field));
        Assert.AreEqual((2, 2), (error.Location.Line, error.Location.Column), "line 2, field 2 (score)");
        Assert.StartsWith($"Agency 'A', input 'score': {expected}", error.Message);
    }

    [TestMethod]
    [DataRow("1.5", DisplayName = "decimal digits after one group of one")]
    [DataRow("0.75", DisplayName = "a group of two")]
    [DataRow("1.2.3", DisplayName = "groups of one")]
    [DataRow("1234.567", DisplayName = "first group of four")]
    [DataRow(".123", DisplayName = "no first group")]
    public void With_grouping_on_groups_must_be_three_digits_after_one_to_three(string cell)
    {
        var error = ReadScore(cell, Vietnamese, thousands: true).RowErrors.Single();
        Assert.AreEqual(DiagnosticCodes.NumberSeparator, error.Code, error.Message);
        if (cell != ".123") Assert.Contains("must separate groups of exactly three digits (as in 1.234.567)", error.Message);
    }

    [TestMethod]
    public void With_grouping_on_a_group_separator_and_a_decimal_separator_never_mix()
    {
        var error = ReadScore("1.234,5", Vietnamese, thousands: true).RowErrors.Single();
        Assert.AreEqual(DiagnosticCodes.NumberSeparator, error.Code);
        Assert.Contains("'1.234,5' under vi-VN: a number with the decimal separator ',' cannot also have group separators '.'", error.Message);
    }

    [TestMethod]
    [DataRow("1.234", 1234d, DisplayName = "1.234")]
    [DataRow("12.345.678", 12345678d, DisplayName = "12.345.678")]
    [DataRow("-999.000", -999000d, DisplayName = "negative")]
    public void With_grouping_on_correct_groups_are_read(string cell, double expected)
    {
        // Out of score's range [0, 100], so the row error shows the value read (invariant digits).
        var error = ReadScore(cell, Vietnamese, thousands: true).RowErrors.Single();
        Assert.AreEqual(DiagnosticCodes.OutOfRange, error.Code);
        Assert.Contains($"{expected.ToString(CultureInfo.InvariantCulture)} is outside the allowed range", error.Message);
    }

    [TestMethod]
    [DataRow("75,5", 7.55, DisplayName = "decimal comma")]
    [DataRow("+80", 8d, DisplayName = "plus sign")]
    [DataRow("5e1", 5d, DisplayName = "exponent")]
    [DataRow("2,5E+1", 2.5, DisplayName = "decimal and exponent")]
    public void Plain_numbers_follow_the_culture(string cell, double points)
    {
        var batch = ReadScore(cell, Vietnamese);
        Assert.AreEqual(1, batch.Count, Describe(batch));
        Assert.AreEqual(points, Basic.Score(batch).Find("A")!["1"].Points, 1e-9, "score / 10");
    }

    [TestMethod]
    public void A_comma_under_the_invariant_culture_is_a_group_separator_and_refused()
    {
        var error = CsvAgencyReader.Read(Basic, new StringReader("agencyId,score,reported,kind,extra\nA,\"1,5\",true,so,1\n"), (CultureInfo?)null, "data.csv").RowErrors.Single();
        Assert.AreEqual(DiagnosticCodes.NumberSeparator, error.Code);
        Assert.Contains("'1,5' under the invariant culture: ',' is the group (thousands) separator, and group separators are not allowed; the decimal separator is '.'", error.Message);
    }

    [TestMethod]
    public void Two_decimal_separators_are_refused()
    {
        var error = ReadScore("1,2,3", Vietnamese).RowErrors.Single();
        Assert.AreEqual(DiagnosticCodes.NumberSeparator, error.Code);
        Assert.Contains("'1,2,3' under vi-VN: the decimal separator ',' appears more than once", error.Message);
    }

    [TestMethod]
    public void Json_strings_and_the_builder_follow_the_same_grammar()
    {
        var json = JsonAgencyReader.Read(Basic, new StringReader("""[{ "agencyId": "A", "score": "0.75", "reported": true, "kind": "so" }]"""),
            new DataReadOptions { Culture = Vietnamese }, "data.json");
        var error = json.RowErrors.Single();
        Assert.AreEqual((DiagnosticCodes.NumberSeparator, "[0].score"), (error.Code, error.Location.JsonPath));

        var builder = new AgencyBatchBuilder(Relative, new DataReadOptions { Culture = Vietnamese, AllowThousands = true });
        Assert.IsTrue(builder.Add("A", new Dictionary<string, object?> { ["done"] = "750,0", ["planned"] = "1.000" }), Lines(builder.RowErrors));
        Assert.IsFalse(builder.Add("B", new Dictionary<string, object?> { ["done"] = "7.5", ["planned"] = "10" }));
        Assert.AreEqual(DiagnosticCodes.NumberSeparator, builder.RowErrors.Single().Code);
        // A: 10 × 750 / 1000 = 7.5.
        Assert.AreEqual(7.5, Relative.Score(builder.Build()).Find("A")!["1"].Points, 1e-9);
    }

    [TestMethod]
    public void The_plain_shortcut_accepts_only_what_the_grammar_accepts_and_reads_the_same_value()
    {
        var random = new Random(5);
        var alphabet = "0123456789.,-+e ";
        var texts = new List<string> { "0", "-0", "007", "12.5", "-12.5", "1.", ".5", "-", "", "1.2.3", "1,5", "12345678901234567890123", "1e5", "+1" };
        for (var i = 0; i < 5000; i++) texts.Add(new string(Enumerable.Range(0, random.Next(1, 8)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
        var taken = 0;
        foreach (var culture in new[] { CultureInfo.InvariantCulture, Vietnamese })
        {
            var pointIsDot = culture.NumberFormat.NumberDecimalSeparator == ".";
            foreach (var text in texts)
            {
                if (!NumberGrammar.TryParsePlain(text, pointIsDot, out var plain)) continue;
                taken++;
                Assert.IsTrue(NumberGrammar.TryParse(text, culture, allowThousands: true, out var full, out var problem, out _), $"'{text}' under {culture.Name}: {problem}");
                Assert.AreEqual(BitConverter.DoubleToInt64Bits(full), BitConverter.DoubleToInt64Bits(plain), $"'{text}' under {culture.Name}");
            }
        }
        Assert.IsGreaterThan(100, taken, "the shortcut took plain numbers");
        Assert.IsFalse(NumberGrammar.TryParsePlain("12.5", pointIsDot: false, out _), "under vi-VN '.' is not the decimal separator");
    }
    [TestMethod]
    public void Plain_decimals_read_with_integer_division_are_bit_for_bit_what_the_runtime_parser_reads()
    {
        // The reference is double.Parse itself. Texts of 1 to 25 digits with 0 to 24 decimals,
        // leading zeros and minus signs: short ones take the exact division, long ones fall back
        // to the runtime, and every one must give the same bits (the sign of -0 included).
        var random = new Random(1204);
        var texts = new List<string> { "0", "-0", "-0.000", "9007199254740992", "9007199254740993", "900719925474099.3", "0.1", "0.3",
            "123456789012345.6", "1.0000000000000000000001", "0.00000000000000000000001", "99999999999999999999999" };
        for (var i = 0; i < 100_000; i++)
        {
            var digits = new string(Enumerable.Range(0, random.Next(1, 26)).Select(_ => (char)('0' + random.Next(10))).ToArray());
            var point = random.Next(0, digits.Length + 1);
            var text = point == 0 || point == digits.Length ? digits : digits[..point] + "." + digits[point..];
            texts.Add(random.Next(3) == 0 ? "-" + text : text);
        }
        foreach (var text in texts)
        {
            Assert.IsTrue(NumberGrammar.TryParsePlain(text, pointIsDot: true, out var plain), text);
            var expected = double.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            Assert.AreEqual(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(plain), text);
        }
    }
}
