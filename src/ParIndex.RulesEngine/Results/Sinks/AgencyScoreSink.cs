using System.Threading.Channels;
using ParIndex.RulesEngine.Data;

namespace ParIndex.RulesEngine.Results.Sinks;

/// <summary>
/// Hands each scored row of a streaming run to a channel as an <see cref="AgencyScore"/>, in input
/// order, for <see cref="Evaluation.StreamingScorer.ScoreCsvFileAsync"/>. The channel is bounded,
/// so a slow reader holds the run back instead of letting results pile up in memory; the run
/// waits on its own thread, never on the reader's.
/// </summary>
internal sealed class AgencyScoreSink(ChannelWriter<AgencyScore> output, CancellationToken cancellation) : ResultSink
{
    private ResultLayout _layout = null!;
    private EligibilityOutcomes _eligibility = null!;

    public override void Begin(ResultLayout layout)
    {
        _layout = layout;
        _eligibility = new EligibilityOutcomes(layout.Rules);
    }

    public override void Write(ScoredRows rows, int start, int end)
    {
        for (var row = start; row < end; row++)
        {
            if (!rows.Scored[row]) continue;
            var score = AgencyScores.Of(_layout.Rules, rows.Batch, rows.Frame, row, _layout.Detail, _eligibility);
            if (!output.TryWrite(score)) output.WriteAsync(score, cancellation).AsTask().GetAwaiter().GetResult();
        }
    }

    public override void Complete(RowErrorLog rowErrors) => output.TryComplete();
}
