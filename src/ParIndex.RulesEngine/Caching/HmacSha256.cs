using System.Runtime.CompilerServices;

namespace ParIndex.RulesEngine.Caching;

/// <summary>
/// HMAC-SHA256 (RFC 2104 over <see cref="Sha256"/>), incremental: what authenticates a cache
/// entry, computed without loading the platform's cryptography on a warm start (see
/// <see cref="Sha256"/>). Tested against the platform's HMAC-SHA256 and RFC 4231's vectors.
/// </summary>
internal sealed class HmacSha256
{
    private const byte InnerPad = 0x36;
    private const byte OuterPad = 0x5c;

    private readonly byte[] _outerKey = new byte[Sha256.BlockBytes];
    private readonly Sha256 _inner = new();

    public HmacSha256(ReadOnlySpan<byte> key)
    {
        // A key longer than a block is replaced by its digest; a shorter one is padded with zeros.
        Span<byte> block = stackalloc byte[Sha256.BlockBytes];
        block.Clear();
        if (key.Length > Sha256.BlockBytes) Sha256.Hash(key).CopyTo(block);
        else key.CopyTo(block);
        Span<byte> innerKey = stackalloc byte[Sha256.BlockBytes];
        for (var i = 0; i < Sha256.BlockBytes; i++)
        {
            innerKey[i] = (byte)(block[i] ^ InnerPad);
            _outerKey[i] = (byte)(block[i] ^ OuterPad);
        }
        _inner.Append(innerKey);
    }

    /// <summary>Adds <paramref name="data"/> to the authenticated message.</summary>
    public void Append(ReadOnlySpan<byte> data) => _inner.Append(data);

    /// <summary>The tag of the message appended so far (this instance is used up).</summary>
    public byte[] Finish()
    {
        var innerDigest = _inner.Finish();
        var outer = new Sha256();
        outer.Append(_outerKey);
        outer.Append(innerDigest);
        return outer.Finish();
    }

    /// <summary>
    /// True when both spans hold the same bytes, in a time that depends only on their length (a
    /// tag compared byte by byte with an early exit would tell an attacker how much of it is right).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    public static bool TagsEqual(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length) return false;
        var difference = 0;
        for (var i = 0; i < left.Length; i++) difference |= left[i] ^ right[i];
        return difference == 0;
    }
}
