using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Results.Rounds;

/// <summary>An appraiser's note on one input of one agency (a <c>&lt;input&gt;#note</c> cell).</summary>
/// <param name="AgencyId">The agency id (normalised as the data readers normalise it).</param>
/// <param name="Input">The input the note is about.</param>
/// <param name="Text">The note, trimmed; never blank.</param>
/// <param name="Location">Where it was read: file and line (CSV) or JSON path.</param>
public sealed record AppraisalNote(string AgencyId, string Input, string Text, SourceLocation Location);

/// <summary>
/// The appraiser's notes of one data file, by agency and input; read with
/// <see cref="AppraisalNotesReader"/> or built from code. Immutable.
/// </summary>
public sealed class AppraisalNotes
{
    private readonly Dictionary<string, List<AppraisalNote>> _byAgency = new(StringComparer.Ordinal);

    /// <summary>No notes.</summary>
    public static AppraisalNotes Empty { get; } = new([]);

    /// <summary>Notes in the order given; blank ones are left out, and a second note on the same agency and input is appended to the first.</summary>
    /// <param name="notes">The notes.</param>
    public AppraisalNotes(IEnumerable<AppraisalNote> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var all = new List<AppraisalNote>();
        foreach (var note in notes)
        {
            if (string.IsNullOrWhiteSpace(note.Text)) continue;
            var id = AgencyIdRegistry.Normalize(note.AgencyId) ?? note.AgencyId;
            var clean = note with { AgencyId = id, Text = note.Text.Trim() };
            if (!_byAgency.TryGetValue(id, out var list)) _byAgency[id] = list = new();
            list.Add(clean);
            all.Add(clean);
        }
        All = all;
    }

    /// <summary>Every note, in file order.</summary>
    public IReadOnlyList<AppraisalNote> All { get; }

    /// <summary>The notes on one agency, in file order.</summary>
    public IReadOnlyList<AppraisalNote> Of(string agencyId) =>
        _byAgency.TryGetValue(AgencyIdRegistry.Normalize(agencyId) ?? agencyId, out var list) ? list : [];

    /// <summary>The notes on the given inputs of one agency, in file order.</summary>
    public IReadOnlyList<AppraisalNote> Of(string agencyId, IEnumerable<string> inputs)
    {
        var wanted = inputs.ToHashSet(StringComparer.Ordinal);
        return Of(agencyId).Where(n => wanted.Contains(n.Input)).ToList();
    }
}
