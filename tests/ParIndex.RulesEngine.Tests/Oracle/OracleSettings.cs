namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>
/// Environment switches of the differential test:
/// PARINDEX_ORACLE_CASES (rule sets to generate, default 2,000),
/// PARINDEX_ORACLE_SEED (replay one rule set: the seed printed by a failure),
/// PARINDEX_ORACLE_KNOWN_FIXED (default 1: generate every case; 0 leaves out the cases whose
/// rules changed in this release and that an engine without those fixes still gets wrong).
/// </summary>
internal sealed record OracleSettings(int Cases, int? Seed, bool KnownFixed)
{
    public const int DefaultCases = 2000;

    public static OracleSettings FromEnvironment()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("PARINDEX_ORACLE_CASES"), out var c) && c > 0 ? c : DefaultCases;
        int? seed = int.TryParse(Environment.GetEnvironmentVariable("PARINDEX_ORACLE_SEED"), out var s) ? s : null;
        var knownFixed = Environment.GetEnvironmentVariable("PARINDEX_ORACLE_KNOWN_FIXED")?.Trim() != "0";
        return new OracleSettings(cases, seed, knownFixed);
    }
}
