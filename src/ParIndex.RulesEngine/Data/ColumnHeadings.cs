using System.Text;
using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// The headings a data file may give each input's column: its name, its <c>column</c> alias and its
/// title. Matching is exact in case and diacritics, but a heading typed on one system and a title
/// written on another may compose "ệ" differently (one code point or "e" plus two marks), so both
/// sides are compared in Unicode normalization form C.
/// </summary>
internal sealed class ColumnHeadings
{
    private readonly Dictionary<string, List<string>> _inputsByHeading = new(StringComparer.Ordinal);

    private readonly InputDefinition[] _inputs;
    private IReadOnlyList<(string Name, IReadOnlyList<string> Headings)>? _all;

    public ColumnHeadings(IEnumerable<InputDefinition> inputs)
    {
        _inputs = inputs.ToArray();
        foreach (var input in _inputs)
            foreach (var heading in HeadingsOf(input))
            {
                var key = Normalize(heading);
                if (!_inputsByHeading.TryGetValue(key, out var names)) _inputsByHeading[key] = names = [];
                if (!names.Contains(input.Name)) names.Add(input.Name);
            }
    }

    /// <summary>Every input with the headings it is read under (name first), in declaration order.</summary>
    /// <remarks>Built when a message first needs it: reading a file that has only known columns never does.</remarks>
    public IReadOnlyList<(string Name, IReadOnlyList<string> Headings)> All =>
        _all ??= _inputs.Select(i => (i.Name, (IReadOnlyList<string>)HeadingsOf(i).ToList())).ToList();

    /// <summary>The names of the inputs <paramref name="heading"/> stands for: none, one, or (a clash in the rule file's titles) several.</summary>
    public IReadOnlyList<string> InputsHeadedBy(string heading) =>
        _inputsByHeading.TryGetValue(Normalize(heading), out var names) ? names : [];

    /// <summary>The name, alias and title of an input, those it has, without repeats.</summary>
    public static IEnumerable<string> HeadingsOf(InputDefinition input) =>
        new[] { input.Name, input.Column, input.Title }.OfType<string>().Where(h => h.Trim().Length > 0).Select(h => h.Trim()).Distinct(StringComparer.Ordinal);

    /// <summary>A heading in the form headings are compared in.</summary>
    public static string Normalize(string heading) => heading.IsNormalized(NormalizationForm.FormC) ? heading : heading.Normalize(NormalizationForm.FormC);
}
