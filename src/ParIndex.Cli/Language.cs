using System.Globalization;

namespace ParIndex.Cli;

/// <summary>
/// The language of everything the command writes for people: <c>--lang vi|en</c>, else the
/// PARINDEX_LANG environment variable, else Vietnamese, whether output goes to a terminal, a file
/// or a pipe. It becomes the UI culture of the run, which the library's messages follow; number
/// formats are not touched (<c>--culture</c> chooses how data files write numbers).
/// </summary>
internal static class Language
{
    /// <summary>The environment variable read when <c>--lang</c> is not given.</summary>
    public const string Variable = "PARINDEX_LANG";

    /// <summary>The option's name, without "--".</summary>
    public const string OptionName = "lang";

    /// <summary>The UI culture asked for by <paramref name="args"/> or <paramref name="environment"/> (the variable's value, or null).</summary>
    public static CultureInfo Choose(string[] args, string? environment)
    {
        string? given = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--") break;
            if (args[i] == "--lang") given = i + 1 < args.Length ? args[++i] : throw new UsageException(CliText.Format("OptionNeedsValue", "lang"));
            else if (args[i].StartsWith("--lang=", StringComparison.Ordinal)) given = args[i]["--lang=".Length..];
        }
        if (given is not null) return Culture(given) ?? throw new UsageException(CliText.Format("UnknownLanguage", given));
        return Culture(environment) ?? Vietnamese;
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    // An unusable PARINDEX_LANG is ignored rather than refused: the variable may be set for a whole session.
    private static CultureInfo? Culture(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "vi" or "vi-vn" => Vietnamese,
        "en" or "en-us" => CultureInfo.GetCultureInfo("en-US"),
        _ => null,
    };
}
