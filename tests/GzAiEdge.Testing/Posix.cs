using System.Runtime.InteropServices;

namespace GzAiEdge.Testing;

/// <summary>Signals to processes by PID, as an operator's <c>kill</c> sends them.</summary>
public static partial class Posix
{
    // Linux signal numbers (x86-64 and arm64 alike).
    private const int SigKill = 9, SigTerm = 15, SigStop = 19, SigCont = 18;

    /// <summary>SIGTERM: asks the process to stop.</summary>
    public static void Terminate(int pid) => _ = Kill(pid, SigTerm);

    /// <summary>SIGKILL: the abrupt death a crash or OOM kill causes.</summary>
    public static void KillNow(int pid) => _ = Kill(pid, SigKill);

    /// <summary>SIGSTOP: freezes the process, as a hung one looks from outside (alive, doing nothing).</summary>
    public static void Freeze(int pid) => _ = Kill(pid, SigStop);

    /// <summary>SIGCONT: lets a frozen process run on.</summary>
    public static void Continue(int pid) => _ = Kill(pid, SigCont);

    /// <summary>Whether a process (running, stopped or a zombie not yet reaped) has this PID.</summary>
    public static bool Exists(int pid) => Directory.Exists($"/proc/{pid}");

    /// <summary>Makes a named pipe at <paramref name="path"/>: a reader opening it waits until a writer does.</summary>
    public static void MakeFifo(string path)
    {
        if (MkFifo(path, 0x180) != 0)
        {
            throw new IOException($"mkfifo {path} failed (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MkFifo(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
