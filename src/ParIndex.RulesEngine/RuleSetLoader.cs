using System.Text;
using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Caching;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine;

/// <summary>The outcome of <see cref="RuleSetLoader.TryLoadFile"/> or <see cref="RuleSetLoader.TryLoadJson"/>.</summary>
/// <param name="RuleSet">The compiled rule set, or null when there were errors.</param>
/// <param name="Diagnostics">Every error and warning found.</param>
public sealed record RuleSetLoadResult(CompiledRuleSet? RuleSet, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the rule set loaded.</summary>
    public bool Success => RuleSet is not null;
}

/// <summary>
/// Loads rule files: JSON → schema check → definition → binding → one Roslyn compilation →
/// <see cref="CompiledRuleSet"/>. Each stage takes only the previous stage's output. All
/// problems are collected and reported together. With a cache folder, an entry named by the rule
/// text (<see cref="RuleSetCacheKey"/>) replaces every stage: its authenticated model and
/// verified kernel image are loaded without the JSON parser, the schema validator or Roslyn.
/// </summary>
public static partial class RuleSetLoader
{
    /// <summary>The JSON Schema rule files are checked against (draft-07).</summary>
    public static string SchemaJson => SchemaValidator.SchemaText();

    /// <summary>Loads and compiles a rule file; throws <see cref="RuleSetException"/> with every diagnostic when it has errors.</summary>
    /// <param name="path">The rule file.</param>
    /// <param name="options">Limits; <see cref="RuleSetLoadOptions.Default"/> when null.</param>
    public static CompiledRuleSet LoadFile(string path, RuleSetLoadOptions? options = null) => Unwrap(TryLoadFile(path, options));

    /// <summary>Loads and compiles rule-file text; throws <see cref="RuleSetException"/> when it has errors.</summary>
    /// <param name="json">The rule-file JSON.</param>
    /// <param name="sourceName">A name for messages (e.g. the file it came from).</param>
    /// <param name="options">Limits; <see cref="RuleSetLoadOptions.Default"/> when null.</param>
    public static CompiledRuleSet LoadJson(string json, string? sourceName = null, RuleSetLoadOptions? options = null) =>
        Unwrap(TryLoadJson(json, sourceName, options));

    /// <summary>Loads a rule file without throwing for rule problems.</summary>
    /// <param name="path">The rule file.</param>
    /// <param name="options">Limits; <see cref="RuleSetLoadOptions.Default"/> when null.</param>
    public static RuleSetLoadResult TryLoadFile(string path, RuleSetLoadOptions? options = null)
    {
        options ??= RuleSetLoadOptions.Default;
        return ReadRuleFile(path, options, out var json) is { } problem ? Failed(problem) : TryLoadJson(json!, path, options);
    }

    /// <summary>
    /// Loads and compiles a rule file without blocking the caller: the file is read with
    /// asynchronous I/O and the load runs on its own thread. <paramref name="cancellationToken"/>
    /// stops the load at the points where <see cref="RuleSetLoadOptions.MaxCompileTime"/> is
    /// checked (between stages, inside binding and compilation). Throws
    /// <see cref="RuleSetException"/> with every diagnostic when the rule file has errors.
    /// </summary>
    /// <param name="path">The rule file.</param>
    /// <param name="options">Limits; <see cref="RuleSetLoadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the load with <see cref="OperationCanceledException"/>; nothing is cached.</param>
    public static async Task<CompiledRuleSet> LoadFileAsync(string path, RuleSetLoadOptions? options = null, CancellationToken cancellationToken = default) =>
        Unwrap(await TryLoadFileAsync(path, options, cancellationToken).ConfigureAwait(false));

    /// <summary>Loads a rule file as <see cref="LoadFileAsync"/> does, without throwing for rule problems.</summary>
    /// <param name="path">The rule file.</param>
    /// <param name="options">Limits; <see cref="RuleSetLoadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the load with <see cref="OperationCanceledException"/>; nothing is cached.</param>
    public static async Task<RuleSetLoadResult> TryLoadFileAsync(string path, RuleSetLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= RuleSetLoadOptions.Default;
        if (RuleFileProblem(path, options) is { } problem) return Failed(problem);
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(Unreadable(path, ex));
        }
        return await Task.Run(() => LoadThread.Run(() => Load(json, path, options, cancellationToken)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a rule file's input schema: parses, checks and binds it, without generating or
    /// compiling any code, so data can be read and checked against it cheaply. Throws
    /// <see cref="RuleSetException"/> with every diagnostic when the rule file has errors
    /// (formula errors found by compilation are not looked for).
    /// </summary>
    /// <param name="path">The rule file.</param>
    /// <param name="options">Limits; <see cref="RuleSetLoadOptions.Default"/> when null.</param>
    public static InputSchema LoadInputSchema(string path, RuleSetLoadOptions? options = null)
    {
        options ??= RuleSetLoadOptions.Default;
        if (ReadRuleFile(path, options, out var json) is { } problem) throw new RuleSetException([problem]);
        return LoadInputSchemaJson(json!, path, options);
    }

    /// <summary>Reads the input schema of rule-file text (parse, check, bind; nothing compiled); throws <see cref="RuleSetException"/> when it has errors.</summary>
    /// <param name="json">The rule-file JSON.</param>
    /// <param name="sourceName">A name for messages (e.g. the file it came from).</param>
    /// <param name="options">Limits; <see cref="RuleSetLoadOptions.Default"/> when null.</param>
    public static InputSchema LoadInputSchemaJson(string json, string? sourceName = null, RuleSetLoadOptions? options = null)
    {
        var (bound, diagnostics) = TryBind(json, sourceName, options);
        return bound?.Schema ?? throw new RuleSetException(diagnostics);
    }

    /// <summary>Reads a rule file's text within the size limit; returns the problem, or null and the text.</summary>
    private static Diagnostic? ReadRuleFile(string path, RuleSetLoadOptions options, out string? json)
    {
        json = null;
        if (RuleFileProblem(path, options) is { } problem) return problem;
        try
        {
            json = File.ReadAllText(path);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(path, ex);
        }
    }

    /// <summary>A rule file that does not exist or is above the size limit, before any of it is read.</summary>
    private static Diagnostic? RuleFileProblem(string path, RuleSetLoadOptions options)
    {
        var where = new SourceLocation(path, null, 0, 0);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                return Unreadable("Missing", where, path);
            if (info.Length > options.MaxFileBytes)
                return Unreadable("TooLarge", where, info.Length, options.MaxFileBytes);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(path, ex);
        }
    }

    private static Diagnostic Unreadable(string path, Exception ex) => Unreadable("Unreadable", new SourceLocation(path, null, 0, 0), ex.Message);

    private static Diagnostic Unreadable(string situation, SourceLocation where, params object?[] arguments) =>
        Diagnostic.Create(DiagnosticCatalog.FileUnreadable, situation, DiagnosticSeverity.Error, where, arguments);

    /// <summary>Loads rule-file text without throwing for rule problems.</summary>
    /// <param name="json">The rule-file JSON.</param>
    /// <param name="sourceName">A name for messages (e.g. the file it came from).</param>
    /// <param name="options">Limits; <see cref="RuleSetLoadOptions.Default"/> when null.</param>
    public static RuleSetLoadResult TryLoadJson(string json, string? sourceName = null, RuleSetLoadOptions? options = null) =>
        LoadThread.Run(() => Load(json, sourceName, options ?? RuleSetLoadOptions.Default));

    /// <summary>
    /// Loads and compiles a definition built in code (or a parsed one changed with <c>with</c>);
    /// throws <see cref="RuleSetException"/> with every diagnostic when it has errors. The
    /// definition is written as rule-file JSON (<see cref="RuleFileWriter"/>) and loaded as a
    /// file is, so it meets the same schema check, binding, limits and cache; diagnostics name the
    /// JSON path of the part at fault (<c>criteria[0].children[1].formula</c> is
    /// <c>Criteria[0].Children[1]</c>'s formula) in the source <c>&lt;definition&gt;</c>, whose
    /// lines are those of <see cref="RuleFileWriter.Write"/>'s text.
    /// </summary>
    /// <param name="definition">The rule set.</param>
    /// <param name="options">Limits; <see cref="RuleSetLoadOptions.Default"/> when null.</param>
    public static CompiledRuleSet Load(RuleSetDefinition definition, RuleSetLoadOptions? options = null) => Unwrap(TryLoad(definition, options));

    /// <summary>Loads a definition as <see cref="Load(RuleSetDefinition, RuleSetLoadOptions?)"/> does, without throwing for rule problems.</summary>
    /// <param name="definition">The rule set.</param>
    /// <param name="options">Limits; <see cref="RuleSetLoadOptions.Default"/> when null.</param>
    public static RuleSetLoadResult TryLoad(RuleSetDefinition definition, RuleSetLoadOptions? options = null) =>
        TryLoadJson(RuleFileWriter.Write(definition), DefinitionSourceName, options);

    /// <summary>The source named by the diagnostics of a definition built in code.</summary>
    internal const string DefinitionSourceName = "<definition>";

    /// <summary>Runs the stages before code generation only and returns the bound rule set (null on errors) with every diagnostic.</summary>
    internal static (BoundRuleSet? Bound, IReadOnlyList<Diagnostic> Diagnostics) TryBind(string json, string? sourceName = null, RuleSetLoadOptions? options = null) =>
        LoadThread.Run(() =>
        {
            options ??= RuleSetLoadOptions.Default;
            var diagnostics = new DiagnosticBag();
            var bound = WithinBudget(options, sourceName, diagnostics, budget => Bind(json, sourceName, options, diagnostics, budget));
            return (bound, diagnostics.Items);
        });

    private static RuleSetLoadResult Load(string json, string? sourceName, RuleSetLoadOptions options, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var key = RuleSetCacheKey.Of(json, sourceName, options);
        var cache = KernelCacheFolder.Open(options, diagnostics);
        if (cache?.TryLoad(key, diagnostics, options.Unloadable) is { } hit)
        {
            // A hit: the stored model and the stored diagnostics, without parsing, binding or compiling.
            diagnostics.AddRange(hit.Model.Diagnostics);
            return new RuleSetLoadResult(new CompiledRuleSet(hit.Model.Bound, hit.Kernel, diagnostics.Items, hit.Model.GeneratedSource, key, loadedFromCache: true), diagnostics.Items);
        }
        // A miss compiles: Roslyn's own start-up runs on the other core while this one binds.
        RoslynWarmUp.Start();
        // What the cache said so far is about this process's folder, not the rule set: never stored.
        var cacheDiagnostics = diagnostics.Items.Count;
        var ruleSet = WithinBudget(options, sourceName, diagnostics, cancellationToken, budget =>
        {
            var bound = Bind(json, sourceName, options, diagnostics, budget);
            if (bound is null) return null;

            budget.Enter("Generating");
            var source = KernelGenerator.Generate(bound);
            budget.Enter("Compiling");
            var kernel = Compile(bound, source, diagnostics, budget, options.Unloadable, out var image);
            if (kernel is null) return null;
            cache?.Store(key, bound, diagnostics.Items.Skip(cacheDiagnostics).ToList(), source.Text, image!, diagnostics);
            return new CompiledRuleSet(bound, kernel, diagnostics.Items, source.Text, key, loadedFromCache: false);
        });
        return new RuleSetLoadResult(ruleSet, diagnostics.Items);
    }

    /// <summary>Runs load stages under one time budget (MaxCompileTime); a spent budget becomes PAR0502 and null.</summary>
    private static T? WithinBudget<T>(RuleSetLoadOptions options, string? sourceName, DiagnosticBag diagnostics, Func<LoadBudget, T?> stages) where T : class =>
        WithinBudget(options, sourceName, diagnostics, CancellationToken.None, stages);

    /// <summary>As above; the caller's cancellation stops the stages too, and is thrown as it is (it is not a spent budget).</summary>
    private static T? WithinBudget<T>(RuleSetLoadOptions options, string? sourceName, DiagnosticBag diagnostics, CancellationToken cancellationToken, Func<LoadBudget, T?> stages) where T : class
    {
        using var budget = new LoadBudget(options.MaxCompileTime, cancellationToken);
        try
        {
            return stages(budget);
        }
        catch (OperationCanceledException) when (budget.Spent)
        {
            diagnostics.Add(budget.Exceeded(sourceName));
            return null;
        }
    }

    /// <summary>Compiles the generated source with Roslyn and loads the verified image; null (with diagnostics) when it fails.</summary>
    private static CompiledKernel? Compile(BoundRuleSet bound, GeneratedSource source, DiagnosticBag diagnostics, LoadBudget budget, bool unloadable, out byte[]? image)
    {
        image = RoslynCompiler.Compile(source, $"ParIndex.RuleSet.{bound.Definition.Id}", diagnostics, budget.Token);
        if (image is null) return null;
        try
        {
            return CompiledKernel.Load(image, bound.Definition.Id, unloadable);
        }
        catch (KernelImageRejectedException ex)
        {
            // Roslyn emitted something the generator never asks for: an engine fault, never loaded.
            diagnostics.Add(DiagnosticCatalog.KernelImageRejected, "EngineFault", new SourceLocation(bound.Definition.SourceFile, null, 0, 0), ex.Message);
            return null;
        }
    }

    /// <summary>Runs every check, including compilation, and returns all diagnostics; nothing stays loaded.</summary>
    /// <param name="path">The rule file.</param>
    /// <param name="options">Limits; <see cref="RuleSetLoadOptions.Default"/> when null.</param>
    public static IReadOnlyList<Diagnostic> ValidateFile(string path, RuleSetLoadOptions? options = null)
    {
        var result = TryLoadFile(path, options);
        result.RuleSet?.Dispose();
        return result.Diagnostics;
    }

    /// <summary>The stages before code generation: JSON, schema, definition, binding.</summary>
    private static BoundRuleSet? Bind(string json, string? sourceName, RuleSetLoadOptions options, DiagnosticBag diagnostics, LoadBudget budget)
    {
        budget.Enter("Reading");
        var bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes > options.MaxFileBytes)
        {
            diagnostics.Add(DiagnosticCatalog.FileUnreadable, "TextTooLarge", new SourceLocation(sourceName, null, 0, 0), bytes, options.MaxFileBytes);
            return null;
        }
        var source = JsonSource.Parse(json, sourceName, diagnostics, options.MaxJsonDepth);
        if (source is null) return null;
        budget.Enter("Schema");
        SchemaValidator.Validate(source, diagnostics, budget.Token);
        if (diagnostics.HasErrors) return null;
        budget.Enter("Reading");
        var definition = DefinitionParser.Parse(source);
        if (!SizeLimits.Check(definition, options, diagnostics)) return null;
        budget.Enter("Binding");
        return Binder.Bind(definition, new BindingLimits(options.MaxFormulaLength, options.MaxExpressionDepth, budget.Token), diagnostics);
    }

    private static RuleSetLoadResult Failed(Diagnostic diagnostic) => new(null, [diagnostic]);

    private static CompiledRuleSet Unwrap(RuleSetLoadResult result) =>
        result.RuleSet ?? throw new RuleSetException(result.Diagnostics);
}
