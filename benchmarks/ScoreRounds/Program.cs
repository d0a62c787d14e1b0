using System.Diagnostics;
using System.Globalization;
using ParIndex.RulesEngine;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;

// score-rounds RULES CSV ROUNDS [THREADS]: loads the rule set and the data once, scores twice to
// warm up, then times ROUNDS calls of Score(TotalsOnly) and prints one line per round: wall
// milliseconds of Score alone, of Score plus reading every agency's total and ranks (what a
// caller does next), and this thread's CPU milliseconds over both. The checksum lets two builds
// be compared: the same data must give the same totals and ranks.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: ScoreRounds RULES CSV ROUNDS [THREADS]");
    return 2;
}
var rounds = int.Parse(args[2], CultureInfo.InvariantCulture);
var threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
using var ruleSet = RuleSetLoader.LoadFile(args[0], new RuleSetLoadOptions { MaxCompileTime = TimeSpan.FromMinutes(10) });
var batch = CsvAgencyReader.ReadFile(ruleSet, args[1]);
if (batch.RowErrors.Count > 0) throw new InvalidOperationException($"{batch.RowErrors.Count} row errors, first: {batch.RowErrors[0].Message}");
var options = new ScoringOptions { Detail = ScoreDetail.TotalsOnly, MaxDegreeOfParallelism = threads };

for (var warm = 0; warm < 2; warm++) Read(ruleSet.Score(batch, options));
for (var round = 0; round < rounds; round++)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var report = ruleSet.Score(batch, options);
    var score = clock.Elapsed.TotalMilliseconds;
    var checksum = Read(report);
    var both = clock.Elapsed.TotalMilliseconds;
    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round={round} agencies={batch.Count} score_ms={score:F1} score_and_read_ms={both:F1} cpu_ms={cpuMs:F0} checksum={checksum:R}"));
}
return 0;

static double Read(ParIndex.RulesEngine.Results.ScoreReport report)
{
    var sum = 0d;
    foreach (var agency in report.Agencies) sum += agency.Total * 7 + agency.Percent + agency.Rank * 0.001 + agency.OverallRank * 1e-6;
    return sum;
}
