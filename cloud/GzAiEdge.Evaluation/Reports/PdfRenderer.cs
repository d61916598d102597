using System.Diagnostics;

namespace GzAiEdge.Evaluation.Reports;

/// <summary>
/// Prints an HTML report to PDF with headless Chromium (Debian <c>chromium</c>). A throwaway profile
/// folder keeps parallel runs apart; the flags keep Chromium off the network.
/// </summary>
public static class PdfRenderer
{
    /// <summary>The browser: <c>GZ_CHROMIUM</c> when set, else <c>/usr/bin/chromium</c>.</summary>
    public static string Browser => Environment.GetEnvironmentVariable("GZ_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <exception cref="InvalidOperationException">Chromium is missing, failed, or wrote no PDF; the message says which.</exception>
    public static async Task RenderAsync(string htmlPath, string pdfPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(Browser))
        {
            throw new InvalidOperationException($"{Browser} not found: install Debian's chromium (apt-get install -y chromium) or set GZ_CHROMIUM");
        }

        var profile = Directory.CreateTempSubdirectory("gz-chromium-").FullName;
        try
        {
            File.Delete(pdfPath);
            var start = new ProcessStartInfo(Browser)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                $"--user-data-dir={profile}", "--no-pdf-header-footer", $"--print-to-pdf={Path.GetFullPath(pdfPath)}",
                new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Browser} did not start");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"{Browser} did not finish printing {htmlPath} within 3 minutes");
            }

            await output;
            var stderr = await errors;
            if (process.ExitCode != 0 || !File.Exists(pdfPath) || new FileInfo(pdfPath).Length == 0)
            {
                throw new InvalidOperationException($"{Browser} exited with {process.ExitCode} and wrote no PDF to {pdfPath}: {stderr.Trim()}");
            }
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
