namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>The three kinds of value a formula works on, as the rule-file docs describe them.</summary>
internal enum OracleKind { Number, Bool, Text }

/// <summary>
/// One formula value of the reference interpreter: a double, a bool or a (possibly missing)
/// string. A small struct of its own so the oracle shares nothing with the engine's kernel.
/// </summary>
internal readonly record struct OracleValue(OracleKind Kind, double Number, bool Flag, string? Text)
{
    public static OracleValue Of(double number) => new(OracleKind.Number, number, false, null);
    public static OracleValue Of(bool flag) => new(OracleKind.Bool, 0, flag, null);
    public static OracleValue OfText(string? text) => new(OracleKind.Text, 0, false, text);

    public double AsNumber => Kind == OracleKind.Number ? Number : throw new InvalidOperationException($"expected a number, got {this}");
    public bool AsBool => Kind == OracleKind.Bool ? Flag : throw new InvalidOperationException($"expected a bool, got {this}");

    public override string ToString() => Kind switch
    {
        OracleKind.Number => Number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        OracleKind.Bool => Flag ? "true" : "false",
        _ => Text is null ? "<missing text>" : $"\"{Text}\"",
    };
}
