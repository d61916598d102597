using System.Diagnostics;
using System.Text;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Testing;

namespace GzAiEdge.Cli.Tests.Commands;

public sealed class KpisCommandTests
{
    [Fact]
    public async Task Kpis_markdown_prints_the_catalogue_as_docs_kpis_md_holds_it_byte_for_byte()
    {
        var (exitCode, output) = await RunAsync("kpis", "--markdown");

        Assert.Equal(0, exitCode);
        Assert.Equal(Encoding.UTF8.GetBytes(KpiCatalogueMarkdown.Render()), output);
    }

    [Fact]
    public async Task Kpis_lists_every_key_with_its_kind()
    {
        var (exitCode, output) = await RunAsync("kpis");
        var text = Encoding.UTF8.GetString(output);

        Assert.Equal(0, exitCode);
        Assert.All(KpiCatalogue.All, k => Assert.Contains(k.Key, text, StringComparison.Ordinal));
        Assert.Contains("diagnostic", text, StringComparison.Ordinal);
    }

    // The raw bytes of stdout (GzProcesses collects text by line, which would hide a wrong line end or encoding).
    private static async Task<(int ExitCode, byte[] Output)> RunAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "gz.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = RepoPaths.Root };
        start.ArgumentList.Add(dll);
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.StandardOutput.BaseStream.CopyToAsync(output, timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, output.ToArray());
    }
}
