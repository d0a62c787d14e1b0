using System.Buffers.Binary;

namespace ParIndex.RulesEngine.Caching;

/// <summary>The authenticated part of a cache entry: the model's length (4 bytes, little-endian), the model (<see cref="CachedModel"/>), then the kernel image.</summary>
internal static class CacheEntryPayload
{
    public static byte[] Join(byte[] model, byte[] image)
    {
        var payload = new byte[4 + model.Length + image.Length];
        BinaryPrimitives.WriteInt32LittleEndian(payload, model.Length);
        model.CopyTo(payload, 4);
        image.CopyTo(payload, 4 + model.Length);
        return payload;
    }

    /// <summary>The model and the image; <see cref="InvalidDataException"/> when the lengths do not fit.</summary>
    public static (ReadOnlyMemory<byte> Model, byte[] Image) Split(byte[] payload)
    {
        var length = payload.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(payload) : -1;
        if (length < 0 || length > payload.Length - 4) throw new InvalidDataException("its model length does not fit the entry");
        return (payload.AsMemory(4, length), payload[(4 + length)..]);
    }
}
