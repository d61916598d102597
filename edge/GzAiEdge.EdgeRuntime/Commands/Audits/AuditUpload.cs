using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using Microsoft.Extensions.Logging;

namespace GzAiEdge.EdgeRuntime.Commands.Audits;

/// <summary>
/// Posts a signed answer to <c>api/v1/audits/{audit}/answers/{site}/{device}</c>: the cloud answers 200 when it scored it
/// and 4xx with the reason when it refused it (the command fails with that reason); a transport failure or a 5xx is
/// tried again with backoff until the deadline, because an answer that arrives late counts for nothing.
/// </summary>
public sealed class AuditUpload(ModelDownloader cloud, TimeProvider time, ILogger<AuditUpload> logger)
{
    private static readonly TimeSpan Attempt = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public async Task<CommandResult> PostAsync(AuditManifest manifest, AuditAnswer answer, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(answer, GzJsonContext.Default.AuditAnswer);
        var url = $"api/v1/audits/{manifest.Audit}/answers/{answer.Site}/{answer.Device}";
        var backoff = TimeSpan.FromSeconds(1);
        var last = "not tried";
        while (time.GetUtcNow() < manifest.Deadline)
        {
            try
            {
                var (status, text) = await cloud.PostAsync(url, body, Attempt, cancellationToken);
                if (status is >= 200 and < 300)
                {
                    return CommandResult.Succeeded($"answered audit {manifest.Audit}: {answer.Items.Count} items, {Describe(answer)}; the cloud: {Detail(text)}");
                }

                if (status < 500)
                {
                    return CommandResult.Failed($"the cloud refused the answer to audit {manifest.Audit} ({status}): {Detail(text)}");
                }

                last = $"the cloud answered {status}: {Detail(text)}";
            }
            catch (ModelDownloadException ex)
            {
                last = ex.Message;
            }

            EdgeLog.AuditUploadRetry(logger, manifest.Audit, last, backoff.TotalSeconds);
            await Task.Delay(backoff, time, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }

        return CommandResult.Failed($"the answer to audit {manifest.Audit} could not be posted before the deadline {manifest.Deadline:O}: {last}");
    }

    private static string Describe(AuditAnswer answer)
    {
        var latencies = answer.Items.SelectMany(i => i.LatencyMs).Order().ToList();
        return $"model {answer.Model.Name} {answer.Model.Version} ({answer.Model.Sha256[..12]}), median model run {latencies[latencies.Count / 2]:0.###} ms";
    }

    // The problem details' detail (or the verdict's reason), else the body as it came.
    private static string Detail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.TryGetProperty("detail", out var d) ? d.GetString() ?? body
                : root.TryGetProperty("reason", out var r) ? r.GetString() ?? body
                : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
