using System.Globalization;
using System.Resources;

namespace ParIndex.Cli;

/// <summary>The command's own sentences (usage, summaries, command errors) from CliText.resx (English) and CliText.vi.resx, in the current UI culture.</summary>
internal static class CliText
{
    // The build names a .resx beside a class of the same name after that class.
    private static readonly ResourceManager Resources = new(typeof(CliText).FullName!, typeof(CliText).Assembly);

    /// <summary>The text of <paramref name="key"/> with <paramref name="arguments"/> in its placeholders (numbers in the invariant culture).</summary>
    public static string Format(string key, params object?[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, Get(key), arguments);

    /// <summary>The text of <paramref name="key"/>, or null when there is none (for optional, more specific texts).</summary>
    public static string? Find(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);

    /// <summary>The text of <paramref name="key"/> as it is.</summary>
    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No resource '{key}'.");
}
