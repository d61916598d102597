using System.Runtime.InteropServices;

namespace GzAiEdge.Testing;

internal static partial class Posix
{
    // Linux signal numbers (x86-64 and arm64 alike).
    private const int SigTerm = 15;
    private const int SigStop = 19;
    private const int SigCont = 18;

    public static void Terminate(int pid) => _ = Kill(pid, SigTerm);

    public static void Stop(int pid) => _ = Kill(pid, SigStop);

    public static void Continue(int pid) => _ = Kill(pid, SigCont);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
