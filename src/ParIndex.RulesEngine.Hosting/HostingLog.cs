using Microsoft.Extensions.Logging;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Hosting;

/// <summary>
/// The log messages of the hosting package. Every rule-file diagnostic is one log entry with code,
/// file, line and column as structured fields, so a log query can find all problems of one file.
/// </summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Rule set {RuleSet} version {Version} loaded from {File} ({RuleSetVersion})")]
    public static partial void Loaded(ILogger logger, string ruleSet, long version, string file, string ruleSetVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Rule set {RuleSet}: reload of {File} failed with {ErrorCount} error(s); version {Version} stays in use")]
    public static partial void ReloadFailed(ILogger logger, string ruleSet, string file, int errorCount, long version);

    [LoggerMessage(EventId = 3, Message = "{File}({Line},{Column}): {Severity} {Code}: {Message} [{JsonPath}]")]
    public static partial void Diagnostic(ILogger logger, LogLevel level, string file, int line, int column, string severity, string code, string message, string? jsonPath);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Rule set {RuleSet}: loading {File} failed with {ErrorCount} error(s)")]
    public static partial void LoadFailed(ILogger logger, string ruleSet, string file, int errorCount);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Rule set {RuleSet}: cannot watch {File} for changes; it will not be reloaded")]
    public static partial void WatchFailed(ILogger logger, Exception exception, string ruleSet, string file);

    /// <summary>Logs each diagnostic as its own entry: errors as errors, warnings as warnings.</summary>
    public static void Diagnostics(ILogger logger, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
            Diagnostic(logger, d.IsError ? LogLevel.Error : LogLevel.Warning, d.Location.File ?? "<rules>", d.Location.Line, d.Location.Column,
                d.IsError ? "error" : "warning", d.Code, d.Message, d.Location.JsonPath);
    }
}
