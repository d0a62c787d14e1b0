using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Results.WhatIf;

/// <summary>
/// One changed input of a what-if run: <c>input=value</c>, for one agency or (when
/// <see cref="AgencyId"/> is null) for every scored agency. The value is text and is read as a
/// data cell is: the data culture's numbers, true/false words, enum values (any letter case),
/// the input's range; an empty value is a missing value under the input's missing policy.
/// </summary>
/// <param name="Input">The input's name.</param>
/// <param name="Value">The value as text, as in a CSV cell.</param>
/// <param name="AgencyId">The agency changed, or null for every agency.</param>
public sealed record InputOverride(string Input, string Value, string? AgencyId = null)
{
    /// <summary>Reads <c>input=value</c> (the first '=' separates them; the value may contain more).</summary>
    /// <param name="text">The text, e.g. <c>trainingCompletion=0.9</c>.</param>
    /// <param name="agencyId">The agency changed, or null for every agency.</param>
    /// <exception cref="InputOverrideException">The text has no '=' or no input name (PAR0706).</exception>
    public static InputOverride Parse(string text, string? agencyId = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || text[..equals].Trim().Length == 0)
            throw new InputOverrideException(DiagnosticCodes.MalformedOverride,
                DiagnosticCatalog.MalformedOverride.FormatSituation("Text", [Data.InputChecks.Shorten(text)]));
        return new InputOverride(text[..equals].Trim(), text[(equals + 1)..], agencyId);
    }

    /// <summary>input=value, and the agency when there is one.</summary>
    public override string ToString() => AgencyId is null ? $"{Input}={Value}" : $"{Input}={Value} (agency {AgencyId})";
}

/// <summary>A what-if change that cannot be applied; <see cref="Diagnostic"/> has the code (PAR0703–PAR0707) and the message.</summary>
public sealed class InputOverrideException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The diagnostic code.</param>
    /// <param name="message">What is wrong, naming the input, value and agency.</param>
    public InputOverrideException(string code, string message) : base(message)
    {
        Diagnostic = Diagnostic.Error(code, message, SourceLocation.None);
    }

    /// <summary>The problem as a diagnostic.</summary>
    public Diagnostic Diagnostic { get; }

    /// <summary>"error PAR07xx: message".</summary>
    public override string ToString() => $"error {Diagnostic.Code}: {Message}";
}
