using System.Globalization;
using GzAiEdge.Scenarios.Catalogue;

namespace GzAiEdge.Cli.Commands;

/// <summary>
/// <c>gz report --api</c>: the reports as the cloud makes them, fetched with the caller's token, so that a provider's
/// token gets their own scenarios' reports and nobody else's (the cloud decides, not the command line).
/// </summary>
internal static class ApiReport
{
    public static async Task<int> RunAsync(Uri api, string? token, IReadOnlyList<string> scenarios, DemonstrationPeriod? period, string folder, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromMinutes(5) }.Authorize(token);
        var query = period is null ? string.Empty
            : $"?from={Uri.EscapeDataString(period.From.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(period.To.ToString("O", CultureInfo.InvariantCulture))}";
        Directory.CreateDirectory(folder);
        var files = scenarios.Count == 0
            ? [("api/v1/evaluation/report.csv", "programme.csv")]
            : scenarios.SelectMany(s => new[] { ($"api/v1/evaluation/scenarios/{Uri.EscapeDataString(s)}/report", $"{s}.html"), ($"api/v1/evaluation/scenarios/{Uri.EscapeDataString(s)}", $"{s}.json") }).ToList();
        foreach (var (path, file) in files)
        {
            using var response = await http.GetAsync(new Uri(path + query, UriKind.Relative), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"gz report: {api}{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}{ApiCredentials.Hint((int)response.StatusCode, token)}");
                return 1;
            }

            var target = Path.Combine(folder, file);
            await File.WriteAllBytesAsync(target, await response.Content.ReadAsByteArrayAsync(cancellationToken), cancellationToken);
            Console.WriteLine($"wrote {target}");
        }

        return 0;
    }
}
