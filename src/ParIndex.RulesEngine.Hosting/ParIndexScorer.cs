using System.Text.Json;
using Microsoft.Extensions.Options;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;

namespace ParIndex.RulesEngine.Hosting;

/// <summary>
/// The <see cref="IParIndexScorer"/> of <c>AddParIndexRules</c>: reads and scores under one lease
/// and gathers rule, file and row problems into one <see cref="ScoringResult"/>.
/// </summary>
internal sealed class ParIndexScorer(ParIndexRuleSets ruleSets, IOptions<ParIndexRulesOptions> options) : IParIndexScorer
{
    private const string RequestSource = "request";

    public Task<ScoringResult> ScoreJsonAsync(string ruleSet, Stream json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ScoreAsync(ruleSet, (rules, read) => JsonAgencyReader.ReadStreamAsync(rules, json, read, RequestSource, cancellationToken), cancellationToken);
    }

    public Task<ScoringResult> ScoreCsvAsync(string ruleSet, Stream csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        // The CSV reader reads its stream with ReadAsync only, as ASP.NET requires of a request body.
        return ScoreAsync(ruleSet, (rules, read) => CsvAgencyReader.ReadStreamAsync(rules.InputSchema, csv, read, RequestSource, cancellationToken), cancellationToken);
    }

    public Task<ScoringResult> ScoreRowsAsync(string ruleSet, IEnumerable<IReadOnlyDictionary<string, JsonElement>> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        // Written back as one JSON array, the rows take the same path as a posted body: the same
        // number rules, and row errors with the same JSON paths.
        var json = JsonSerializer.SerializeToUtf8Bytes(rows, RowsJsonContext.Default.IEnumerableIReadOnlyDictionaryStringJsonElement);
        return ScoreJsonAsync(ruleSet, new MemoryStream(json, writable: false), cancellationToken);
    }

    private async Task<ScoringResult> ScoreAsync(string ruleSet, Func<CompiledRuleSet, DataReadOptions, Task<AgencyBatch>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        if (ruleSets.Find(ruleSet) is not { } host)
            return ScoringResult.Failed(ruleSet, 0, [new ScoringProblem(ScoringProblemKind.Rule, Diagnostics.DiagnosticCodes.UnknownName,
                $"No rule set is named '{ruleSet}'; known: {string.Join(", ", ruleSets.Names)}.")]);

        var settings = options.Value;
        using var lease = host.Acquire();
        AgencyBatch batch;
        try
        {
            batch = await read(lease.RuleSet, new DataReadOptions { MaxRowErrors = settings.MaxRowErrors }).ConfigureAwait(false);
        }
        catch (DataFileException ex)
        {
            return ScoringResult.Failed(ruleSet, lease.Version, [new ScoringProblem(ScoringProblemKind.File, Diagnostics.DiagnosticCodes.DataFile, ex.Message)]);
        }

        var fileProblems = batch.Diagnostics.Select(d => ScoringProblem.FromDiagnostic(d)).ToList();
        if (batch.HasFileErrors) return ScoringResult.Failed(ruleSet, lease.Version, fileProblems);

        cancellationToken.ThrowIfCancellationRequested();
        var report = lease.RuleSet.Score(batch, new ScoringOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism });
        // Read the scores while the lease holds the rule set: a reload may unload it right after.
        var agencies = report.Agencies;
        var problems = fileProblems.Concat(report.RowErrors.Select(ScoringProblem.FromRow)).ToList();
        if (report.RowErrorLog.OmittedSummary(RequestSource) is { } omitted) problems.Add(ScoringProblem.FromDiagnostic(omitted, ScoringProblemKind.Row));
        return new ScoringResult(ruleSet, lease.Version, agencies, problems, report);
    }
}
