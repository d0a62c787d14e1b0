using System.Globalization;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine;

/// <summary>
/// The time budget of one load (<see cref="RuleSetLoadOptions.MaxCompileTime"/>), over the whole
/// load: reading, schema check, binding (band checks included), code generation, compilation and
/// the sandbox verifier. Each stage checks the token at its loop points; when the budget runs out
/// the load stops with PAR0502 naming the stage, so no rule file (say, one with a hundred
/// thousand band steps) can keep a host busy for longer than the budget.
/// </summary>
internal sealed class LoadBudget : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly TimeSpan _limit;
    private readonly CancellationToken _caller;

    /// <param name="limit">The budget.</param>
    /// <param name="caller">The caller's own cancellation, which stops the load at the same points; it is not a spent budget.</param>
    public LoadBudget(TimeSpan limit, CancellationToken caller = default)
    {
        _limit = limit;
        _caller = caller;
        _source = caller.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(caller) : new CancellationTokenSource();
        // A zero budget is spent before the first stage, as the CancellationTokenSource(TimeSpan) constructor makes it.
        if (limit == TimeSpan.Zero) _source.Cancel();
        else _source.CancelAfter(limit);
    }

    /// <summary>Cancelled when the budget is spent or the caller cancels.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>What the load is doing, for the message: the resource LoadStage{Stage} (Reading, Schema, Binding, Generating, Compiling).</summary>
    public string Stage { get; private set; } = "Reading";

    /// <summary>Enters a stage (one of the names of <see cref="Stage"/>), first stopping the load if the budget is already spent.</summary>
    public void Enter(string stage)
    {
        Token.ThrowIfCancellationRequested();
        Stage = stage;
    }

    /// <summary>True once the budget is spent: an OperationCanceledException then comes from it.</summary>
    public bool Spent => Token.IsCancellationRequested && !_caller.IsCancellationRequested;

    /// <summary>The diagnostic for a spent budget.</summary>
    public Diagnostic Exceeded(string? file) => Diagnostic.Create(DiagnosticCatalog.CompilationFailed, "TimeBudget", DiagnosticSeverity.Error,
        new SourceLocation(file, null, 0, 0), _limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture), EngineText.Get("LoadStage" + Stage));

    public void Dispose() => _source.Dispose();
}
