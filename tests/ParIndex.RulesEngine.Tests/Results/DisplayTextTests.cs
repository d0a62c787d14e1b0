using ParIndex.RulesEngine.Results.Writers;

// Not "ParIndex.RulesEngine.Tests.Results": that namespace would hide ParIndex.RulesEngine.Results in other tests.
namespace ParIndex.RulesEngine.Tests.ResultWriters;

/// <summary>The one helper every printer uses for text from files.</summary>
[TestClass]
public sealed class DisplayTextTests
{
    [TestMethod]
    [DataRow("Sở Nội vụ\ttỉnh", "Sở Nội vụ\ttỉnh", DisplayName = "Vietnamese and tab unchanged")]
    [DataRow("a\u001B[31mb", "a\\u001B[31mb", DisplayName = "ESC sequence")]
    [DataRow("a\nb\rc", "a\\nb\\rc", DisplayName = "line breaks")]
    [DataRow("x\u0000\u0007\u007F\u0085\u009By", "x\\u0000\\u0007\\u007F\\u0085\\u009By", DisplayName = "C0, DEL, C1")]
    [DataRow("\u202Atxt\u202E\u2066\u2069", "\\u202Atxt\\u202E\\u2066\\u2069", DisplayName = "bidi embeddings, overrides, isolates")]
    [DataRow("p\u2028q", "p\\u2028q", DisplayName = "line separator")]
    public void Escape_makes_unsafe_characters_visible(string text, string expected) =>
        Assert.AreEqual(expected, DisplayText.Escape(text));

    [TestMethod]
    public void Keeping_line_breaks_keeps_the_tools_own_lines_only()
    {
        Assert.AreEqual("one\ntwo\r\nthree\\rfour\\u001B", DisplayText.Escape("one\ntwo\r\nthree\rfour\u001B", keepLineBreaks: true));
    }

    [TestMethod]
    public void Text_without_unsafe_characters_is_the_same_string()
    {
        const string text = "Ủy ban nhân dân";
        Assert.AreSame(text, DisplayText.Escape(text));
        Assert.AreEqual("", DisplayText.Escape(null));
    }
}
