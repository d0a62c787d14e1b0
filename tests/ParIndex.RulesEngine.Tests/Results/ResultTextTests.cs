using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Sinks;

namespace ParIndex.RulesEngine.Tests.ResultWriters;

/// <summary>
/// The sinks format in place what the writers used to format through strings: JSON strings and
/// doubles exactly as Newtonsoft.Json writes them (the reference implementation, still a
/// dependency of the library), compact numbers exactly as <see cref="NumberText"/>, and the
/// same text whether it goes to a stream as UTF-8 or to a TextWriter.
/// </summary>
[TestClass]
public sealed class ResultTextTests
{
    [TestMethod]
    public void Every_character_is_escaped_in_json_exactly_as_newtonsoft_escapes_it()
    {
        var mismatches = new List<string>();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            var text = "a" + (char)c + "b";
            var expected = Newtonsoft.Json.JsonConvert.ToString(text);
            var actual = Json(json => json.String(text));
            if (expected != actual) mismatches.Add($"U+{c:X4}: {expected} vs {actual}");
        }
        Assert.IsEmpty(mismatches, string.Join("; ", mismatches.Take(20)));
    }

    [TestMethod]
    [DataRow(0d)]
    [DataRow(-0d)]
    [DataRow(2d)]
    [DataRow(7.97)]
    [DataRow(0.1 + 0.2)]
    [DataRow(1e-5)]
    [DataRow(1e21)]
    [DataRow(-123456.789)]
    [DataRow(double.NaN)]
    [DataRow(double.PositiveInfinity)]
    [DataRow(double.NegativeInfinity)]
    [DataRow(double.MaxValue)]
    [DataRow(double.Epsilon)]
    public void Doubles_are_written_in_json_exactly_as_newtonsoft_writes_them(double value)
    {
        var expected = new StringWriter();
        using (var writer = new Newtonsoft.Json.JsonTextWriter(expected)) writer.WriteValue(value);
        Assert.AreEqual(expected.ToString(), Json(json => json.Number(value)));
    }

    [TestMethod]
    [DataRow(0d)]
    [DataRow(-0d)]
    [DataRow(-0.0000001)]
    [DataRow(-0.0000005)]
    [DataRow(1.25)]
    [DataRow(-2.5)]
    [DataRow(123456789.1234567)]
    [DataRow(1e300)]
    [DataRow(double.PositiveInfinity)]
    public void Compact_and_fixed_numbers_are_the_text_of_NumberText(double value)
    {
        Assert.AreEqual(NumberText.Compact(value, CultureInfo.InvariantCulture), BothWays(text => text.WriteNumber(value, "0.######", unsigned: true)));
        Assert.AreEqual(NumberText.Fixed(value, 2, CultureInfo.InvariantCulture), BothWays(text => text.WriteNumber(value, "F2", unsigned: true)));
    }

    [TestMethod]
    public void Text_longer_than_the_buffer_and_unpaired_surrogates_come_out_as_a_stream_writer_writes_them()
    {
        var long_ = string.Concat(Enumerable.Repeat("Ủy ban nhân dân 😀 ", 5_000));
        var broken = "a\uD800b\uDC00c";
        foreach (var text in new[] { long_, broken })
        {
            var viaWriter = new MemoryStream();
            using (var writer = new StreamWriter(viaWriter, new UTF8Encoding(false), leaveOpen: true)) writer.Write(text);
            var viaSink = new MemoryStream();
            var sink = new Utf8ResultText(viaSink, "\n", bufferSize: 1024);
            sink.Write(text);
            sink.Flush();
            CollectionAssert.AreEqual(viaWriter.ToArray(), viaSink.ToArray());
        }
    }

    private static string Json(Action<IndentedJson> write)
    {
        var output = new StringWriter();
        var text = new Utf16ResultText(output);
        write(new IndentedJson(text));
        text.Flush();
        return output.ToString();
    }

    /// <summary>The text written to a TextWriter; asserts the UTF-8 stream gets the same.</summary>
    internal static string BothWays(Action<ResultText> write)
    {
        var chars = new StringWriter();
        var utf16 = new Utf16ResultText(chars);
        write(utf16);
        utf16.Flush();
        var bytes = new MemoryStream();
        var utf8 = new Utf8ResultText(bytes);
        write(utf8);
        utf8.Flush();
        Assert.AreEqual(chars.ToString(), Encoding.UTF8.GetString(bytes.ToArray()));
        return chars.ToString();
    }
}
