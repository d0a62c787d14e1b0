using System.Globalization;
using System.Resources;

namespace ParIndex.RulesEngine.Resources;

/// <summary>
/// The library's sentences and words that are not a diagnostic's own message (name hints, what a
/// formula belongs to, row errors, explanations), from EngineText.resx (English) and
/// EngineText.vi.resx, in <see cref="CultureInfo.CurrentUICulture"/>. Arguments are formatted in the
/// invariant culture, as in diagnostics.
/// </summary>
internal static class EngineText
{
    // The build names a .resx beside a class of the same name after that class.
    private static readonly ResourceManager Resources = new(typeof(EngineText).FullName!, typeof(EngineText).Assembly);

    /// <summary>The text of <paramref name="key"/> with <paramref name="arguments"/> in its placeholders.</summary>
    public static string Format(string key, params object?[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, Get(key), arguments);

    /// <summary>The text of <paramref name="key"/> as it is.</summary>
    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No resource '{key}'.");
}
