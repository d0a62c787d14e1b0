using System.Globalization;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// How agency data is read: the culture of numbers written as text, whether group (thousands)
/// separators are allowed in them, and how many row errors are kept in full. Used by
/// <see cref="CsvAgencyReader"/>, <see cref="JsonAgencyReader"/> (numbers given as strings),
/// <see cref="AgencyBatchBuilder"/> and the streaming scorer.
/// </summary>
public sealed record DataReadOptions
{
    /// <summary>The defaults: invariant culture, no group separators, 1,000 row errors kept in full.</summary>
    public static DataReadOptions Default { get; } = new();

    /// <summary>
    /// Culture of numbers written as text (e.g. vi-VN: decimal comma, "0,75"); invariant when null.
    /// Only the culture's decimal separator, its group separator (with <see cref="AllowThousands"/>)
    /// and its signs are used; the grammar itself is fixed (see docs/rule-files.md, "Numbers in data").
    /// </summary>
    public CultureInfo? Culture { get; init; }

    /// <summary>
    /// Allow the culture's group separator in numbers written as text, only between groups of
    /// exactly three digits after a first group of one to three digits, and never in a number that
    /// also has a decimal separator ("1.234.567" under vi-VN, "1,234,567" under the invariant
    /// culture). Off by default: then any group separator makes the cell a row error, so "1.5"
    /// under vi-VN is never read as 15. The CLI's <c>--thousands</c>.
    /// </summary>
    public bool AllowThousands { get; init; }

    /// <summary>
    /// Row errors kept in full per batch or streaming run (default 1,000); further errors are
    /// only counted by code and field (<see cref="RowErrorLog.Counts"/>), while every rejected
    /// row is still listed compactly in <see cref="RowErrorLog.Rejected"/>. Must be at least 0.
    /// </summary>
    public int MaxRowErrors { get; init; } = 1000;

    /// <summary>
    /// Folder of the duplicate check's file, for an input of more than about a quarter of a million
    /// ids (see <see cref="AcceptedIdStore"/>): a streaming run's spill folder; the system's
    /// temporary folder when null.
    /// </summary>
    internal string? SpillFolder { get; init; }

    /// <summary>
    /// True for a reader that releases the builder's file of accepted ids when its input ends
    /// (<see cref="AgencyBatchBuilder.EndOfInput"/>): only then may the duplicate check move to a
    /// file. Every other builder keeps it in memory, so nothing waits for a collection to close.
    /// </summary>
    internal bool AcceptedIdsToFile { get; init; }

    /// <summary>These options with <paramref name="culture"/> (the older culture-only overloads).</summary>
    internal static DataReadOptions For(CultureInfo? culture) => culture is null ? Default : new DataReadOptions { Culture = culture };

    internal CultureInfo CultureOrInvariant => Culture ?? CultureInfo.InvariantCulture;
}
