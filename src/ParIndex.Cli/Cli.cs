using System.CommandLine;
using System.Globalization;
using ParIndex.RulesEngine;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.Cli;

/// <summary>The parindex command: validate, score, explain, shortfall, report, test and diff.</summary>
public static class Cli
{
    /// <summary>The usage text, in the language of the run (<c>--lang</c>, PARINDEX_LANG, else Vietnamese).</summary>
    public static string Usage => CliText.Get("Usage");

    /// <summary>Options every command accepts.</summary>
    internal static readonly string[] CommonOptions = ["help", Language.OptionName];

    /// <summary>
    /// Runs one command and returns the exit code. Nothing escapes as an exception: bad input of
    /// any kind is one message and a documented exit code; anything unexpected is one line
    /// "internal error" and <see cref="ExitCodes.InternalError"/>, never a stack trace. Everything
    /// written to <paramref name="error"/>, and text for people written to <paramref name="output"/>,
    /// goes through <see cref="TerminalSafeWriter"/>.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, CancellationToken.None);

    /// <summary>
    /// <see cref="Run(string[], TextWriter, TextWriter)"/> that stops when <paramref name="cancellation"/>
    /// is cancelled (as it does on Ctrl-C or SIGTERM): the command stops at its next step, writes
    /// no --out file (an existing one keeps its content), and the exit code is <see cref="ExitCodes.Interrupted"/>.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var safeOutput = new TerminalSafeWriter(output);
        var safeError = new TerminalSafeWriter(error);
        var callersLanguage = CultureInfo.CurrentUICulture;
        string? command = null;
        try
        {
            return Guarded(() =>
            {
                CultureInfo.CurrentUICulture = Language.Choose(args, Environment.GetEnvironmentVariable(Language.Variable));
                using var interruption = CancellationTokenSource.CreateLinkedTokenSource(cancellation, PendingOutput.Interruption);
                var root = CommandTree.Build((name, parse) => Dispatch(name, parse, safeOutput, safeError, interruption.Token));
                var parse = root.Parse(CommandLine.Words(args));
                command = parse.CommandResult.Command == root ? null : parse.CommandResult.Command.Name;
                // Help, version and the [suggest] directive answer whatever else is on the line, as their own actions.
                if (parse.Action is not { ClearsParseErrors: true }) ParseErrors.ThrowIfAny(parse);
                return parse.Invoke(new InvocationConfiguration { Output = safeOutput, Error = safeError, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
            }, safeError, () => command);
        }
        finally
        {
            CultureInfo.CurrentUICulture = callersLanguage;
            // A closed pipe (`parindex score … | head -1`) must not turn into an exception here.
            try { safeOutput.Flush(); } catch (IOException) { }
            try { safeError.Flush(); } catch (IOException) { }
        }
    }

    /// <summary>
    /// The top-level guard: maps every exception to a message and an exit code. A wrong command
    /// line gets one more line, where to read the help of <paramref name="command"/> (the command
    /// given, or null for none).
    /// </summary>
    internal static int Guarded(Func<int> run, TextWriter error, Func<string?>? command = null)
    {
        try { return run(); }
        catch (Exception) when (PendingOutput.Interruption.IsCancellationRequested)
        {
            // Ctrl-C or a termination signal closed and deleted the output under the command: what
            // fails after that (a write to the closed file, a cancelled step) is the interruption.
            Say(error, CliText.Get("Interrupted"));
            return ExitCodes.Interrupted;
        }
        catch (UsageException ex)
        {
            Say(error, CliText.Format("Error", ex.Message));
            error.WriteLine(CliText.Format("SeeHelp", command?.Invoke() is { } name ? $"parindex {name} -h" : "parindex -h"));
            return ExitCodes.Usage;
        }
        catch (OutputRefusedException ex)
        {
            Say(error, CliText.Format("Error", ex.Message));
            return ExitCodes.Usage;
        }
        catch (RuleSetException ex)
        {
            foreach (var diagnostic in ex.Diagnostics) Say(error, diagnostic);
            return ExitCodes.InvalidRules;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidDataException or KeyNotFoundException)
        {
            Say(error, CliText.Format("Error", ex.Message));
            return ex is KeyNotFoundException ? ExitCodes.Usage : ExitCodes.InvalidData;
        }
        catch (OperationCanceledException)
        {
            Say(error, CliText.Get("Interrupted"));
            return ExitCodes.Interrupted;
        }
        catch (Exception ex)
        {
            Say(error, CliText.Format("InternalError", ex.GetType().Name, ex.Message));
            return ExitCodes.InternalError;
        }
    }

    private static int Dispatch(string name, ParseResult parse, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        if (name is "")
        {
            output.WriteLine(Usage);
            return ExitCodes.Usage;
        }
        if (name is "help") return HelpCommand(parse, output, error);
        var line = CommandLine.From(parse, cancellation);
        return name switch
        {
            "validate" => Validate(line, output, error),
            "score" => Score(line, output, error),
            "explain" => Explain(line, output, error),
            "shortfall" => ShortfallCommand(line, output, error),
            "report" => ReportCommand.Run(line, output, error),
            "diff" => DiffCommand.Run(line, output, error),
            "test" => TestCommand.Run(line, output, error),
            "plan" => PlanCommand.Run(line, output, error),
            "template" => TemplateCommand.Run(line, output, error),
            _ => throw new UsageException(CliText.Format("UnknownCommand", name)),
        };
    }

    /// <summary>parindex help: the usage; parindex help &lt;command&gt;: that command's help (as <c>parindex &lt;command&gt; -h</c>).</summary>
    private static int HelpCommand(ParseResult parse, TextWriter output, TextWriter error)
    {
        var asked = CommandLine.From(parse, CancellationToken.None).Positional.FirstOrDefault();
        if (asked is null)
        {
            output.WriteLine(Usage);
            return ExitCodes.Success;
        }
        var root = parse.RootCommandResult.Command;
        if (root.Subcommands.All(c => c.Name != asked))
            throw new UsageException(CliText.Format("UnknownCommand", asked) + ParseErrors.Hint(asked, root.Subcommands.Select(c => c.Name), quote: true));
        return root.Parse([asked, "-h"]).Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
    }

    /// <summary>Writes one message, diagnostic or rejected row as exactly one line: a line break or control character inside it is shown escaped.</summary>
    internal static void Say(TextWriter writer, object? message) => writer.WriteLine(DisplayText.Escape(message?.ToString()));

    /// <summary>
    /// Runs one command; <paramref name="terminal"/> is the console when standard output is a
    /// terminal (see <see cref="Terminal.Detect"/>): ranking tables drawn with Spectre.Console and a
    /// progress bar for large data files. Null gives the plain-text output of the other overload.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, Spectre.Console.IAnsiConsole? terminal) => RunWith(args, output, error, terminal);

    /// <summary>
    /// <see cref="Run(string[], TextWriter, TextWriter, Spectre.Console.IAnsiConsole?)"/> with the
    /// console typed as object (from <see cref="Terminal.DetectConsole"/>), so the entry point
    /// loads Spectre.Console only when there is a console.
    /// </summary>
    internal static int RunWith(string[] args, TextWriter output, TextWriter error, object? terminal)
    {
        var outer = Terminal.Exchange(terminal);
        var outerIsTerminal = Terminal.OutputIsTerminal;
        Terminal.OutputIsTerminal = terminal is not null || (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);
        try { return Run(args, output, error); }
        finally
        {
            Terminal.Exchange(outer);
            Terminal.OutputIsTerminal = outerIsTerminal;
        }
    }

    private static int Validate(CommandLine line, TextWriter output, TextWriter error)
    {
        Expect(line, 1, []);
        line.Cancellation.ThrowIfCancellationRequested();
        // Through the compile cache, as every command that loads rules: a file compiled before gives
        // back the diagnostics of that compile (the key covers the text and the engine, so a new
        // compile would give the same), and a file validated first is not compiled again to score.
        var diagnostics = RuleSetLoader.ValidateFile(line.Positional[0], CompileCache.LoadOptions(line));
        foreach (var diagnostic in diagnostics) Say(error, diagnostic);
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        Say(output, errors == 0
            ? CliText.Format("Valid", line.Positional[0], warnings)
            : CliText.Format("Invalid", line.Positional[0], errors, warnings));
        return errors == 0 ? ExitCodes.Success : ExitCodes.InvalidRules;
    }

    private static int Score(CommandLine line, TextWriter output, TextWriter error)
    {
        if (line.Has("self")) return AppraisalCommand.Score(line, output, error);
        if (line.Has("set")) return WhatIfCommand.Score(line, output, error);
        Expect(line, 2, ["previous", "format", "out", "culture", "thousands", "detail", "stream", "no-stream", "no-csv-escape", "excel", .. HistoryOptions.Names]);
        var format = line.Option("format") ?? (line.Has("stream") ? "csv" : "table");
        if (format is not ("table" or "csv" or "json" or "xlsx")) throw new UsageException(CliText.Format("UnknownFormatScore", format));
        if (format == "xlsx") CheckWorkbookOutput(line);
        if (line.Has("detail") && format != "table") throw new UsageException(CliText.Get("DetailTableOnly"));
        if (line.Has("no-csv-escape") && format != "csv") throw new UsageException(CliText.Get("NoCsvEscapeCsvOrStream"));
        if (line.Has("excel") && format != "csv") throw new UsageException(CliText.Get("ExcelCsvOnly"));
        StreamCommand.CheckOptions(line, line.Positional[1]);
        using var target = CommandOutput.Open(line, output, machineFormat: format != "table", [line.Positional[0], line.Positional[1], line.Option("previous"), .. HistoryOptions.Inputs(line)]);
        var previous = Previous(line);
        using var rules = LoadRules(line, error);
        var history = HistoryOptions.Read(line, rules, error);
        // --excel: a BOM, and ; with decimal commas when --culture uses decimal commas (vi-VN).
        var csv = (line.Has("excel") ? CsvResultOptions.ForExcel(Culture(line.Option("culture"))) : CsvResultOptions.Default) with { EscapeFormulas = !line.Has("no-csv-escape") };
        if (format != "xlsx" && StreamCommand.Chosen(line, line.Positional[1])) return StreamCommand.Run(line, rules, format, previous, history, csv, target, error);
        // The ranking table shows totals, classes, ranks and eligibility, never a criterion's
        // points: without --detail it is scored without them (the same figures, a smaller kernel
        // for the JIT to compile on a start, a smaller frame).
        var detail = format == "table" && !line.Has("detail") ? ScoreDetail.TotalsOnly : ScoreDetail.Full;
        var (report, dataOk) = ScoreData(rules, line, error, previous, history, detail);
        if (!dataOk) return ExitCodes.InvalidData;

        var writer = target.Writer;
        switch (format)
        {
            case "csv": CsvResultWriter.Write(report, writer, csv); break;
            case "json": JsonResultWriter.Write(report, writer); break;
            case "xlsx": RulesEngine.Results.Workbooks.XlsxResultWriter.Write(report, target.FileStream!); break;
            default:
                if (!target.ToFile && Terminal.HasConsole) TerminalTables.WriteToConsole(report);
                else TableResultWriter.Write(report, writer);
                if (line.Has("detail")) CriteriaDetailWriter.Write(report, writer); break;
        }
        target.Commit();
        WriteRowErrors(report.RowErrorLog, line.Positional[1], error);
        return report.RowErrorLog.ErrorCount > 0 ? ExitCodes.RowsRejected : ExitCodes.Success;
    }

    /// <summary>A results workbook is a file (--out), scored in memory: the streaming sinks write text.</summary>
    private static void CheckWorkbookOutput(CommandLine line)
    {
        if (line.Option("out") is null) throw new UsageException(CliText.Get("XlsxNeedsOut"));
        if (line.Has("stream")) throw new UsageException(CliText.Get("XlsxNotStreamed"));
    }

    /// <summary>
    /// Prints the row errors kept in full, then (when there were more) the PAR0614 count by code
    /// and field and one short line per rejected row not shown above, so that no rejected agency
    /// goes unnamed however many there are.
    /// </summary>
    internal static void WriteRowErrors(RowErrorLog log, string source, TextWriter error, bool keptAlreadyWritten = false)
    {
        if (!keptAlreadyWritten)
            foreach (var rejected in log.Errors) Say(error, rejected);
        if (log.OmittedSummary(source) is not { } summary) return;
        error.WriteLine(summary);
        var shown = log.Errors.Select(e => e.Row).ToHashSet();
        foreach (var row in log.Rejected)
            if (!shown.Contains(row.Row))
                error.WriteLine(CliText.Format("RejectedRowLine", source, row.Line, row.Code, row.Row, row.AgencyId ?? "?"));
    }

    private static int Explain(CommandLine line, TextWriter output, TextWriter error)
    {
        Expect(line, 2, ["agency", "criterion", "culture", "thousands", "out"]);
        var agency = line.Option("agency") ?? throw new UsageException(CliText.Get("ExplainNeedsAgency"));
        using var target = CommandOutput.Open(line, output, machineFormat: false, line.Positional[0], line.Positional[1]);
        using var rules = LoadRules(line, error);
        var (report, dataOk) = ScoreData(rules, line, error, null);
        if (!dataOk) return ExitCodes.InvalidData;
        var explanations = line.Option("criterion") is { } code
            ? [report.Explain(agency, code)]
            : report.ExplainAll(agency);
        target.Writer.WriteLine(string.Join(Environment.NewLine + Environment.NewLine, explanations));
        target.Commit();
        return ExitCodes.Success;
    }

    private static int ShortfallCommand(CommandLine line, TextWriter output, TextWriter error)
    {
        Expect(line, 2, ["agency", "culture", "thousands", "out", "self", "round"]);
        var agency = line.Option("agency") ?? throw new UsageException(CliText.Get("ShortfallNeedsAgency"));
        using var target = CommandOutput.Open(line, output, machineFormat: false, line.Positional[0], line.Positional[1], line.Option("self"));
        using var rules = LoadRules(line, error);
        var (report, dataOk) = ScoreData(rules, line, error, null);
        if (dataOk && AppraisalCommand.IsSelfRound(line)) (report, dataOk) = AppraisalCommand.ScoreSelf(rules, line, error, null);
        if (!dataOk) return ExitCodes.InvalidData;
        ShortfallWriter.Write(report, agency, target.Writer);
        target.Commit();
        return ExitCodes.Success;
    }

    internal static CompiledRuleSet LoadRules(CommandLine line, TextWriter error)
    {
        // Each step of a command starts only if the run was not interrupted (Ctrl-C, the caller's token).
        line.Cancellation.ThrowIfCancellationRequested();
        var rules = RuleSetLoader.LoadFile(line.Positional[0], CompileCache.LoadOptions(line));
        foreach (var warning in rules.Diagnostics) Say(error, warning);
        return rules;
    }

    /// <summary>Reads and scores the data file; false (and no report) when the file has file-level errors.</summary>
    internal static (ScoreReport Report, bool Ok) ScoreData(CompiledRuleSet rules, CommandLine line, TextWriter error, PreviousRanks? previous, ResultsHistory? history = null, ScoreDetail detail = ScoreDetail.Full)
    {
        var batch = ReadData(rules, line, error, line.Positional[1]);
        line.Cancellation.ThrowIfCancellationRequested();
        return batch is null ? (null!, false) : (Terminal.Score(rules, batch, new ScoringOptions { Previous = previous, History = history, Detail = detail }), true);
    }

    /// <summary>Reads a data file with the command's --culture and --thousands; null (after printing why) when it has file-level errors.</summary>
    internal static AgencyBatch? ReadData(CompiledRuleSet rules, CommandLine line, TextWriter error, string path, Func<CompiledRuleSet, string, DataReadOptions, AgencyBatch>? reader = null)
    {
        var options = ReadOptions(line);
        line.Cancellation.ThrowIfCancellationRequested();
        var batch = (reader ?? Terminal.ReadData)(rules, path, options);
        foreach (var diagnostic in batch.Diagnostics) Say(error, diagnostic);
        // File-level errors (truncated, repeated column, malformed JSON…) stop the run: exit 3, nothing written.
        return batch.HasFileErrors ? null : batch;
    }

    /// <summary>How the command reads data cells: --culture and --thousands (a --previous CSV is read by the same rules).</summary>
    internal static DataReadOptions ReadOptions(CommandLine line) => new() { Culture = Culture(line.Option("culture")), AllowThousands = line.Has("thousands") };

    /// <summary>The ranks of --previous (results JSON or CSV, CSV numbers as the data's), or null without the option.</summary>
    internal static PreviousRanks? Previous(CommandLine line) =>
        line.Option("previous") is { } path ? PreviousRanksReader.ReadFile(path, ReadOptions(line)) : null;

    internal static CultureInfo Culture(string? name)
    {
        if (name is null) return CultureInfo.InvariantCulture;
        // GetCultureInfo accepts any well-formed name and silently falls back to invariant rules,
        // which would misread "0,75"; only cultures the system really knows are accepted.
        var known = CultureInfo.GetCultures(CultureTypes.AllCultures).FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        return known ?? throw new UsageException(CliText.Format("UnknownCulture", name));
    }

    internal static void Expect(CommandLine line, int positional, string[] options)
    {
        if (line.Positional.Count != positional)
            throw new UsageException(CliText.Format("WrongArgumentCount", line.Command, positional, line.Positional.Count));
        var unknown = line.UnknownOptions(options.Concat(CompileCache.Options).Concat(CommonOptions)).ToList();
        if (unknown.Count > 0) throw new UsageException(CliText.Format("UnknownOptions", line.Command, string.Join(", ", unknown.Select(u => "--" + u))));
        ExpectFileNames(line);
    }

    /// <summary>An empty file argument or --previous value is a command-line error (not an exception from the file system).</summary>
    internal static void ExpectFileNames(CommandLine line)
    {
        for (var i = 0; i < line.Positional.Count; i++)
            if (string.IsNullOrWhiteSpace(line.Positional[i]))
                throw new UsageException(CliText.Format("EmptyFileArgument", i + 1, line.Command));
        foreach (var option in new[] { "previous", "self" })
            if (line.Has(option) && string.IsNullOrWhiteSpace(line.Option(option)))
                throw new UsageException(CliText.Format("EmptyFileOption", option));
    }
}
