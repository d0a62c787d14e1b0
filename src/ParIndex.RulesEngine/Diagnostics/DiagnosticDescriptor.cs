using System.Globalization;
using System.Resources;

namespace ParIndex.RulesEngine.Diagnostics;

/// <summary>
/// What one diagnostic code means, as Roslyn describes its diagnostics: the code, a short title,
/// a message format with numbered arguments (<c>{0}</c>, <c>{1}</c>…), the default severity and a
/// help link. Title and message format are resources in English (neutral) and Vietnamese; they
/// are looked up in <see cref="CultureInfo.CurrentUICulture"/> unless a culture is given. Every
/// code has exactly one descriptor, in <see cref="DiagnosticCatalog"/>.
/// </summary>
public sealed class DiagnosticDescriptor
{
    private static readonly ResourceManager Resources =
        new("ParIndex.RulesEngine.Resources.DiagnosticMessages", typeof(DiagnosticDescriptor).Assembly);

    internal DiagnosticDescriptor(string id, DiagnosticSeverity defaultSeverity)
    {
        Id = id;
        DefaultSeverity = defaultSeverity;
    }

    /// <summary>The stable code, e.g. <c>PAR0301</c> (one of <see cref="DiagnosticCodes"/>).</summary>
    public string Id { get; }

    /// <summary>The severity a diagnostic of this code has unless the place that reports it says otherwise.</summary>
    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>Where the code is explained: its anchor in docs/diagnostics.md, e.g. <c>docs/diagnostics.md#par0301</c>.</summary>
    public string HelpLink => "docs/diagnostics.md#" + Id.ToLowerInvariant();

    /// <summary>A few words naming the problem, in <paramref name="culture"/> (default: the current UI culture).</summary>
    public string GetTitle(CultureInfo? culture = null) => Text(Id + "_Title", culture);

    /// <summary>The message format, with numbered placeholders, in <paramref name="culture"/> (default: the current UI culture).</summary>
    public string GetMessageFormat(CultureInfo? culture = null) => Text(Id + "_Message", culture);

    /// <summary>
    /// The message with <paramref name="arguments"/> in its placeholders. Numbers in the arguments
    /// are written in the invariant culture whatever the language, so a message reads the same
    /// figures on every machine.
    /// </summary>
    public string FormatMessage(CultureInfo? culture, params object?[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, GetMessageFormat(culture), arguments);

    /// <summary>
    /// The message of one situation of this code (a code such as PAR0308 covers many settings,
    /// each with its own sentence): resource <c>{Id}_{situation}</c>, formatted like <see cref="FormatMessage"/>.
    /// </summary>
    internal string FormatSituation(string situation, object?[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, Text(Id + "_" + situation, null), arguments);

    /// <inheritdoc />
    public override string ToString() => Id;

    private static string Text(string key, CultureInfo? culture) =>
        Resources.GetString(key, culture ?? CultureInfo.CurrentUICulture)
        ?? throw new MissingManifestResourceException($"No resource '{key}'.");
}
