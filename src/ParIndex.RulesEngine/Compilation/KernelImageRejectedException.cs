namespace ParIndex.RulesEngine.Compilation;

/// <summary>An assembly image that is not one the kernel generator emits; it is never loaded.</summary>
internal sealed class KernelImageRejectedException(string reason)
    : Exception($"The kernel image was refused before loading: {reason}.")
{
    /// <summary>What the image has that a generated kernel never has.</summary>
    public string Reason { get; } = reason;
}
