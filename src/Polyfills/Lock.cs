#if !NET9_0_OR_GREATER
namespace System.Threading;

// Monitor on this object is the point here, not a mistake (the compiler warns of it for any Lock).
#pragma warning disable CS9216

/// <summary>
/// .NET 8 has no <c>System.Threading.Lock</c>. The sources only ever write <c>lock (gate)</c>, which
/// the compiler turns into <c>using (gate.EnterScope())</c> for a type of this name; here that
/// takes the object's monitor, the same mutual exclusion, so one source serves both targets and
/// .NET 9 and later keep the cheaper dedicated lock.
/// </summary>
internal sealed class Lock
{
    /// <summary>Enters the lock; disposing the scope leaves it.</summary>
    public Scope EnterScope()
    {
        Monitor.Enter(this);
        return new Scope(this);
    }

    /// <summary>The held lock, released by <see cref="Dispose"/>.</summary>
    public readonly ref struct Scope(Lock owner)
    {
        /// <summary>Leaves the lock.</summary>
        public void Dispose() => Monitor.Exit(owner);
    }
}
#pragma warning restore CS9216
#endif
