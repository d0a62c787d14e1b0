using System.Runtime.InteropServices;

namespace ParIndex.Cli;

/// <summary>
/// What Ctrl-C and the termination signals do to a running parindex process. Every one of them
/// first deletes the temporary output files (<see cref="PendingOutput.AbandonAll"/>, which also
/// cancels the run's <see cref="CancellationToken"/> and refuses any later commit) and restores the
/// terminal: cursor shown, colours reset, as a progress bar cut short would leave them otherwise.
/// The first Ctrl-C then lets the command stop by itself at its next step (exit 130, the
/// "interrupted" line); if it has not within <see cref="GracePeriod"/>, the process prints the
/// same line and ends with 130.
/// A second Ctrl-C, SIGTERM, SIGQUIT and SIGHUP end it at once.
/// </summary>
internal static class Interrupts
{
    /// <summary>How long the first Ctrl-C waits for the command to stop.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(2);

    private static readonly List<IDisposable> Registrations = new();
    private static int _interrupts;
    private static Timer? _deadline;

    /// <summary>Installs the handlers. Called once by the program, not by in-process callers of <see cref="Cli.Run(string[], TextWriter, TextWriter, CancellationToken)"/>, who pass their own token.</summary>
    public static void Install()
    {
        // Console.CancelKeyPress also covers Ctrl-Break on Windows; on Unix one SIGINT handler is enough.
        if (OperatingSystem.IsWindows()) Console.CancelKeyPress += (_, e) => e.Cancel = OnInterrupt();
        else Register(PosixSignal.SIGINT, context => context.Cancel = OnInterrupt());
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP })
            Register(signal, _ => CleanUp());
    }

    private static void Register(PosixSignal signal, Action<PosixSignalContext> handler)
    {
        try { Registrations.Add(PosixSignalRegistration.Create(signal, handler)); }
        catch (PlatformNotSupportedException) { }
    }

    /// <summary>Ctrl-C: true (keep running) the first time, so the command can stop cleanly; false after.</summary>
    private static bool OnInterrupt()
    {
        CleanUp();
        if (Interlocked.Increment(ref _interrupts) > 1) return false;
        _deadline = new Timer(_ => EndNow(), null, GracePeriod, Timeout.InfiniteTimeSpan);
        return true;
    }

    /// <summary>
    /// The command did not stop within the grace period (a step that cannot be interrupted, such
    /// as a compilation): say what the command would have said, then end the process.
    /// </summary>
    private static void EndNow()
    {
        try { Console.Error.WriteLine(CliText.Get("Interrupted")); }
        catch (IOException) { }
        Environment.Exit(ExitCodes.Interrupted);
    }

    private static void CleanUp()
    {
        PendingOutput.AbandonAll();
        RestoreTerminal();
    }

    /// <summary>Shows the cursor and resets colours when standard output is a terminal (the only place the progress bar draws).</summary>
    private static void RestoreTerminal()
    {
        if (Console.IsOutputRedirected) return;
        try
        {
            using var terminal = Console.OpenStandardOutput();
            terminal.Write("\u001b[0m\u001b[?25h"u8);
            terminal.Flush();
        }
        catch (IOException) { }
    }
}
