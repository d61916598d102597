namespace GzAiEdge.Cli.Doctor;

/// <summary>What <c>gz doctor</c> found: each check's verdict, and for what is wrong how to fix it.</summary>
internal sealed class DoctorReport
{
    private readonly List<(string Verdict, string What, string? Fix)> _lines = [];

    public bool Failed => _lines.Any(l => l.Verdict == "FAIL");

    public IEnumerable<string> Lines => _lines.Select(l => $"{l.Verdict,-4} {l.What}" + (l.Fix is null ? string.Empty : $"\n     fix: {l.Fix}"));

    public void Ok(string what) => _lines.Add(("ok", what, null));

    public void Warn(string what, string fix) => _lines.Add(("warn", what, fix));

    public void Fail(string what, string fix) => _lines.Add(("FAIL", what, fix));
}
