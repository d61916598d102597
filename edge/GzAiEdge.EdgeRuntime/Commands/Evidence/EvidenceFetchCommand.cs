using System.Security.Cryptography;
using System.Text.Json;
using GzAiEdge.Contracts.Evidence;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Evidence;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Commands.Evidence;

/// <summary>
/// <c>evidence.fetch</c>: for each item the cloud drew, the input the evidence ring holds at the draw's place among the
/// window's inputs of the stratum (⌊draw × n⌋, oldest first) with the outputs the pipeline produced for it, signed with
/// the device key and bound to the window's report hash and the command's nonce, posted to
/// <c>api/v1/field-audits/evidence/{site}/{device}/{item}</c>. An item the ring no longer holds is answered too, signed,
/// saying why (it counts against the device); a stratum the window had no input of is answered <c>empty:</c>.
/// </summary>
public sealed class EvidenceFetchCommand(
    IOptions<EdgeOptions> edge, IOptions<PipelineOptions> pipeline, EvidenceRings rings, ModelDownloader cloud, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Attempt = TimeSpan.FromSeconds(30);

    private readonly Lazy<DeviceSigner?> _signer = new(() =>
        edge.Value.SigningKeyFile is { Length: > 0 } key ? DeviceSigner.FromPemFile(key) : null);

    public async Task<CommandResult> RunAsync(DeviceCommand command, CancellationToken cancellationToken)
    {
        if (!EvidenceFetchArguments.TryRead(command.Arguments, out var nonce, out var deadline, out var requests, out var errors))
        {
            return CommandResult.Rejected($"not an evidence request: {ContractError.Join(errors)}");
        }

        if (_signer.Value is not { } signer)
        {
            return CommandResult.Rejected("this device has no signing key (edge: signingKeyFile), and evidence must be signed");
        }

        var ring = rings.For(pipeline.Value.Kind);
        var (sent, missing, refused, failed) = (0, 0, new List<string>(), new List<string>());
        foreach (var request in requests)
        {
            if (time.GetUtcNow() > deadline)
            {
                failed.Add($"{request.Item}: the deadline {deadline:O} passed");
                continue;
            }

            var upload = signer.Sign(Answer(ring, request, nonce));
            missing += upload.Missing is null ? 0 : 1;
            var (status, text) = await PostAsync(upload, cancellationToken);
            if (status is >= 200 and < 300 || (status == 422 && upload.Missing is not null))
            {
                sent++;
            }
            else if (status is > 0 and < 500)
            {
                refused.Add($"{request.Item}: {(int)status} {text}");
            }
            else
            {
                failed.Add($"{request.Item}: {text}");
            }
        }

        var summary = $"{sent} of {requests.Count} items answered ({missing} no longer held or empty)";
        return refused.Count + failed.Count == 0
            ? CommandResult.Succeeded(summary)
            : CommandResult.Failed($"{summary}; refused: {string.Join("; ", refused)}{(failed.Count > 0 ? $"; not delivered: {string.Join("; ", failed)}" : string.Empty)}");
    }

    public void Dispose()
    {
        if (_signer.IsValueCreated)
        {
            _signer.Value?.Dispose();
        }
    }

    private EvidenceUpload Answer(EvidenceRing? ring, EvidenceRequest request, string nonce)
    {
        var upload = new EvidenceUpload
        {
            V = ContractVersion.Current,
            Item = request.Item,
            Site = edge.Value.Site,
            Device = edge.Value.Device,
            Nonce = nonce,
            Seq = request.Seq,
            ReportHash = request.ReportHash,
            Stratum = request.Stratum,
            Count = 0,
        };
        if (ring is null)
        {
            return upload with { Missing = $"not kept: this device keeps no evidence for {pipeline.Value.Kind} (Evidence:Enabled)" };
        }

        if (ring.WindowOf(request.Seq) is { } window && (window.Start, window.End) != (request.WindowStart, request.WindowEnd))
        {
            return upload with { Missing = $"not this window: report {request.Seq} covered [{window.Start:O}, {window.End:O}) here" };
        }

        var (entries, covered) = ring.Find(request.WindowStart, request.WindowEnd, request.Stratum == "positive");
        if (entries.Count == 0)
        {
            return upload with
            {
                Missing = covered ? $"empty: no {request.Stratum} input was kept in the window" : $"evicted: the ring no longer reaches back to {request.WindowStart:O}",
            };
        }

        var entry = entries[Math.Min(entries.Count - 1, (int)Math.Floor(request.Draw * entries.Count))];
        if (ring.Read(entry) is not var (input, meta))
        {
            return upload with { Count = entries.Count, Missing = "evicted: the input's files are gone from the ring" };
        }

        return upload with
        {
            Count = entries.Count,
            Time = meta.Time,
            Shape = meta.Shape,
            InputSha256 = Convert.ToHexStringLower(SHA256.HashData(input)),
            Input = Convert.ToBase64String(input),
            Outputs = meta.Outputs,
        };
    }

    private async Task<(int Status, string Text)> PostAsync(EvidenceUpload upload, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(upload, GzJsonContext.Default.EvidenceUpload);
        try
        {
            return await cloud.PostAsync($"api/v1/field-audits/evidence/{upload.Site}/{upload.Device}/{upload.Item}", body, Attempt, cancellationToken);
        }
        catch (ModelDownloadException ex)
        {
            return (0, ex.Message);
        }
    }
}
