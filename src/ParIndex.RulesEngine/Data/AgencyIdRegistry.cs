using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// The agency ids accepted so far, to refuse a second row of the same agency. Ids are normalised
/// to Unicode NFC when read, so "Sở" typed with a combining hook is the same id as "Sở" typed
/// precomposed. Two ids that are not equal but look the same (equal "skeletons": NFKC, invisible
/// format characters removed, common Cyrillic and Greek look-alikes mapped to Latin) are a
/// duplicate too: otherwise "SNV" and "SNV" with a Cyrillic "Ѕ" would be two agencies, each ranked.
/// </summary>
internal sealed class AgencyIdRegistry : IDisposable
{
    /// <summary>The accepted ids that are plain ASCII, with their rows: nearly every file holds no other kind.</summary>
    private readonly AsciiIdSet _ascii;
    /// <summary>The accepted ids that are not plain ASCII (or longer than a cell), with their rows.</summary>
    private readonly Dictionary<string, int> _others = new(StringComparer.Ordinal);
    /// <summary>
    /// The skeletons of the accepted ids that are not plain ASCII, each with the first such id. A
    /// plain ASCII id is its own skeleton, so it is looked up in <see cref="_ascii"/> instead.
    /// </summary>
    private readonly Dictionary<string, (string Id, int Row)> _skeletons = new(StringComparer.Ordinal);

    /// <summary>
    /// A registry whose ASCII ids move, past a few megabytes and when <paramref name="useFile"/>
    /// allows it, to a file in <paramref name="spillFolder"/> (the temporary folder when null); the
    /// owner then disposes the registry when its input ends.
    /// </summary>
    public AgencyIdRegistry(string? spillFolder = null, bool useFile = false) => _ascii = new AsciiIdSet(new AcceptedIdStore(spillFolder, useFile));

    /// <summary>Ids the compact set holds: plain ASCII, no longer than a record takes (<see cref="ColumnarBatch"/> has no cell limit).</summary>
    private static bool InAsciiSet(string id) => id.Length <= AcceptedIdStore.MaxIdLength && System.Text.Ascii.IsValid(id);

    /// <summary>The id trimmed and in NFC.</summary>
    public static string? Normalize(string? id) => Nfc(id?.Trim());

    /// <summary>The id in NFC (not trimmed).</summary>
    public static string? Nfc(string? id)
    {
        if (string.IsNullOrEmpty(id)) return id;
        try { return id.IsNormalized(NormalizationForm.FormC) ? id : id.Normalize(NormalizationForm.FormC); }
        catch (ArgumentException) { return id; } // lone surrogates cannot be normalised; kept as they are
    }

    /// <summary>Why <paramref name="id"/> (normalised) cannot be added, or null when it is new.</summary>
    public string? Problem(string id)
    {
        if (Contains(id)) return DiagnosticCatalog.DuplicateAgency.FormatSituation("Repeated", [Escape(id)]);
        if (LookAlike(Skeleton(id)) is { } earlier)
            return DiagnosticCatalog.DuplicateAgency.FormatSituation("LookAlike", [Escape(id), Escape(earlier.Id), earlier.Row]);
        return null;
    }

    /// <summary>
    /// Registers <paramref name="id"/> (normalised) for <paramref name="row"/> when it is new;
    /// false, registering nothing, when <see cref="Problem"/> would name a problem. A plain ASCII
    /// id is its own skeleton, so it is new when no other id looks like it and the set does not
    /// hold it, which adding it tells in the same look-up.
    /// </summary>
    public bool TryAccept(string id, int row)
    {
        if (InAsciiSet(id)) return !_skeletons.ContainsKey(id) && _ascii.TryAdd(id, row);
        if (Problem(id) is not null) return false;
        Add(id, row);
        return true;
    }

    /// <summary>Registers an accepted row's id.</summary>
    public void Add(string id, int row)
    {
        if (InAsciiSet(id)) _ascii.TryAdd(id, row);
        else if (_others.TryAdd(id, row)) _skeletons.TryAdd(Skeleton(id), (id, row));
    }

    /// <summary>Releases the file of accepted ids, if one was needed; the registry is not used after.</summary>
    public void Dispose() => _ascii.Dispose();

    private bool Contains(string id) => InAsciiSet(id) ? _ascii.TryGetRow(id, out _) : _others.ContainsKey(id);

    /// <summary>
    /// The accepted id whose skeleton is <paramref name="skeleton"/>: another id that looks like it,
    /// or a plain ASCII id equal to it (its own skeleton). There is at most one: a second would have
    /// been refused as a look-alike of the first.
    /// </summary>
    private (string Id, int Row)? LookAlike(string skeleton)
    {
        if (_skeletons.TryGetValue(skeleton, out var other)) return other;
        if (InAsciiSet(skeleton) && _ascii.TryGetRow(skeleton, out var row)) return (skeleton, row);
        return null;
    }

    /// <summary>What the id looks like: NFKC, without format characters, look-alike letters mapped to Latin.</summary>
    internal static string Skeleton(string id)
    {
        // Most ids are plain ASCII: NFKC leaves them alone and they hold no format character or look-alike.
        if (System.Text.Ascii.IsValid(id)) return id;
        string compatible;
        try { compatible = id.Normalize(NormalizationForm.FormKC); }
        catch (ArgumentException) { compatible = id; }
        var skeleton = new StringBuilder(compatible.Length);
        foreach (var c in compatible)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format) continue; // zero-width space/joiners, BOM, soft hyphen
            skeleton.Append(LookAlike(c));
        }
        return skeleton.ToString();
    }

    /// <summary>The id with every character that is neither printable ASCII nor a Latin letter shown as U+XXXX.</summary>
    internal static string Escape(string id)
    {
        var text = new StringBuilder(id.Length);
        foreach (var rune in id.EnumerateRunes())
        {
            var v = rune.Value;
            var plain = v is >= 0x20 and < 0x7F || (Rune.IsLetter(rune) && (v is >= 0xC0 and <= 0x24F || v is >= 0x1E00 and <= 0x1EFF));
            if (plain) text.Append(rune.ToString());
            else text.Append(CultureInfo.InvariantCulture, $"<U+{v:X4}>");
        }
        return text.ToString();
    }

    private static char LookAlike(char c) => c switch
    {
        // Cyrillic
        'а' => 'a', 'в' => 'B', 'е' => 'e', 'к' => 'k', 'м' => 'M', 'н' => 'H', 'о' => 'o', 'р' => 'p', 'с' => 'c', 'т' => 'T',
        'у' => 'y', 'х' => 'x', 'ѕ' => 's', 'і' => 'i', 'ј' => 'j', 'ԁ' => 'd', 'һ' => 'h', 'ԛ' => 'q', 'ԝ' => 'w', 'ӏ' => 'l',
        'А' => 'A', 'В' => 'B', 'Е' => 'E', 'К' => 'K', 'М' => 'M', 'Н' => 'H', 'О' => 'O', 'Р' => 'P', 'С' => 'C', 'Т' => 'T',
        'У' => 'Y', 'Х' => 'X', 'Ѕ' => 'S', 'І' => 'I', 'Ј' => 'J', 'Ԛ' => 'Q', 'Ԝ' => 'W', 'Ӏ' => 'I',
        // Greek
        'Α' => 'A', 'Β' => 'B', 'Ε' => 'E', 'Ζ' => 'Z', 'Η' => 'H', 'Ι' => 'I', 'Κ' => 'K', 'Μ' => 'M', 'Ν' => 'N', 'Ο' => 'O',
        'Ρ' => 'P', 'Τ' => 'T', 'Υ' => 'Y', 'Χ' => 'X', 'ο' => 'o', 'ν' => 'v', 'ρ' => 'p', 'ι' => 'i', 'κ' => 'k', 'υ' => 'u',
        'α' => 'a', 'τ' => 't', 'χ' => 'x',
        _ => c,
    };
}
