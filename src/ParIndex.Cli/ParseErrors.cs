using System.CommandLine;
using System.CommandLine.Parsing;
using ParIndex.RulesEngine.Binding;

namespace ParIndex.Cli;

/// <summary>
/// Turns what System.CommandLine could not match into one command-line error in the language of
/// the run, with the nearest command or option name when one is close ("scre" → score, "--ot" →
/// --out). A word that looks like an option is never taken as a file: System.CommandLine would
/// bind an unknown "--ot" to a free file argument.
/// </summary>
internal static class ParseErrors
{
    /// <summary>Throws a <see cref="UsageException"/> for the first problem of <paramref name="parse"/>; returns when there is none.</summary>
    public static void ThrowIfAny(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var name = command is RootCommand ? "parindex" : command.Name;
        if (command is RootCommand && parse.UnmatchedTokens.FirstOrDefault(t => !LooksLikeOption(t)) is { } word)
            throw new UsageException(CliText.Format("UnknownCommand", word) + Hint(word, command.Subcommands.Select(c => c.Name), quote: true));

        var unknown = parse.UnmatchedTokens.Where(LooksLikeOption).Concat(OptionsTakenAsFiles(parse)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw new UsageException(CliText.Format("UnknownOptions", name, string.Join(", ", unknown)) + OptionHint(Name(unknown[0]), command));

        if (parse.UnmatchedTokens.Count > 0)
        {
            var given = command.Arguments.Count(a => parse.GetResult(a) is { Tokens.Count: > 0 }) + parse.UnmatchedTokens.Count;
            throw new UsageException(CliText.Format("WrongArgumentCount", name, command.Arguments.Count, given));
        }

        foreach (var error in parse.Errors)
            if (error.SymbolResult is OptionResult { Tokens.Count: 0 } option)
                throw new UsageException(CliText.Format("OptionNeedsValue", option.Option.Name.TrimStart('-')));
        if (parse.Errors.Count > 0) throw new UsageException(parse.Errors[0].Message);
    }

    /// <summary>
    /// "-x" or "--xyz", but not "-" alone (standard input, by convention). "-0" counts too: every
    /// argument is a file, so a dash and a digit is a mistyped "-o", not a negative number (a file
    /// of that name is written "./-0" or after "--").
    /// </summary>
    private static bool LooksLikeOption(string word) => word.Length > 1 && word[0] == '-';

    /// <summary>
    /// The hint for an unknown option: the nearest long option for "--xyz"; for a short "-x" only a
    /// short option it plainly means, the same letter in the other case or a digit that looks like
    /// it ("-O", "-0" → -o), since any two one-letter names are one edit apart.
    /// </summary>
    private static string OptionHint(string word, Command command)
    {
        if (word.Length != 2 || word[1] == '-') return Hint(word, KnownOptions(command));
        var meant = word.Replace('0', 'o').Replace('1', 'l');
        var shortNames = CommandTree.OptionsOf(command).SelectMany(o => o.Aliases).Where(n => n.Length == 2 && n[1] != '-');
        return shortNames.FirstOrDefault(n => string.Equals(n, meant, StringComparison.OrdinalIgnoreCase) && n != word) is { } closest
            ? " " + CliText.Format("DidYouMean", closest)
            : "";
    }

    /// <summary>Words bound to a file argument that look like options and were not written after "--".</summary>
    private static IEnumerable<string> OptionsTakenAsFiles(ParseResult parse)
    {
        var endOfOptions = parse.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        var afterEnd = parse.Tokens.Skip(endOfOptions < 0 ? parse.Tokens.Count : endOfOptions + 1).ToHashSet<Token>(ReferenceEqualityComparer.Instance);
        foreach (var argument in parse.CommandResult.Command.Arguments)
            if (parse.GetResult(argument) is { } result)
                foreach (var token in result.Tokens)
                    if (LooksLikeOption(token.Value) && !afterEnd.Contains(token))
                        yield return token.Value;
    }

    /// <summary>The option names a command accepts, with the ones every command accepts.</summary>
    private static IEnumerable<string> KnownOptions(Command command) =>
        CommandTree.OptionsOf(command).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));

    /// <summary>"--ot=x" is the option "--ot".</summary>
    private static string Name(string word) => word.Split('=', 2)[0];

    /// <summary>" Did you mean …?" with the candidate nearest <paramref name="word"/>, or "" when none is near.</summary>
    internal static string Hint(string word, IEnumerable<string> candidates, bool quote = false) =>
        NameSuggester.Closest(word, candidates) is { } closest ? " " + CliText.Format("DidYouMean", quote ? $"'{closest}'" : closest) : "";
}
