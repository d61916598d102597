using System.Security.Cryptography;
using GzAiEdge.Contracts.Evidence;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.Evaluation.Verification;
using GzAiEdge.FieldAudits.Items;
using GzAiEdge.FieldAudits.Sampling;
using GzAiEdge.FieldAudits.Storage;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

namespace GzAiEdge.FieldAudits.Evidence;

/// <summary>What became of an upload: the item's outcome and the reason.</summary>
public sealed record EvidenceVerdict(bool Accepted, string State, string Reason);

/// <summary>
/// Takes a device's upload for a requested item. It counts only when it is well formed, signed with the device's key
/// (<c>Verification:KeyRegistryPath</c>), answers this item's request (nonce, window seq and report hash, stratum) before
/// the deadline, its input is the bytes its SHA-256 names in the shape it claims, and its outputs are of the stratum and
/// consistent with the window's stored report. Otherwise the item is refused with the reason and counts against the
/// device; a signed "missing" answer ends it evicted (against the device), or empty when the report agrees the window
/// had no input of that stratum. An item ends once.
/// </summary>
public sealed class EvidenceIntake(FieldAuditStore store, ChainReader reports, IOptions<VerificationOptions> verification, TimeProvider time)
{
    /// <summary>Checks and stores an upload for <paramref name="id"/>.</summary>
    /// <exception cref="FieldAuditException">No such item for that device, or it is no longer requested.</exception>
    public async Task<EvidenceVerdict> SubmitAsync(string id, string site, string device, byte[] body, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var item = store.Items.Find(id) is { } found && found.Site == site && found.Device == device
            ? found
            : throw new FieldAuditException(FieldAuditProblem.NotFound, $"no field-audit item {id} for {site}/{device}");
        if (item.State != FieldItemStates.Requested)
        {
            throw new FieldAuditException(FieldAuditProblem.Invalid, $"item {id} already ended {item.State}{(item.Reason is null ? string.Empty : $" ({item.Reason})")}; an item is answered once");
        }

        var (upload, reason) = Check(item, body, now);
        if (reason is null)
        {
            var kpis = await KpisAsync(item, cancellationToken);
            reason = upload!.Missing is { } missing ? Missing(item, upload, missing, kpis) : Present(item, upload, kpis, now);
            if (reason is null)
            {
                return new EvidenceVerdict(true, FieldItemStates.Received, $"received: {upload.Shape!.MediaType} of {upload.Count} {item.Stratum} inputs of window {item.Seq}");
            }

            if (reason.StartsWith(FieldItemStates.Empty, StringComparison.Ordinal) || reason.StartsWith(FieldItemStates.Evicted, StringComparison.Ordinal))
            {
                var state = reason.StartsWith(FieldItemStates.Empty, StringComparison.Ordinal) ? FieldItemStates.Empty : FieldItemStates.Evicted;
                store.Items.End(id, state, reason, now);
                return new EvidenceVerdict(state == FieldItemStates.Empty, state, reason);
            }
        }

        store.Items.End(id, FieldItemStates.Refused, reason, now);
        return new EvidenceVerdict(false, FieldItemStates.Refused, reason);
    }

    private (EvidenceUpload? Upload, string? Reason) Check(FieldItem item, byte[] body, DateTimeOffset now)
    {
        if (!MessageReader.TryReadEvidenceUpload(body, out var upload, out var errors))
        {
            return (null, $"malformed: {ContractError.Join(errors)}");
        }

        if ((upload.Item, upload.Site, upload.Device) != (item.Id, item.Site, item.Device))
        {
            return (null, $"misaddressed: it answers item {upload.Item} of {upload.Site}/{upload.Device}, and was posted for item {item.Id} of {item.Site}/{item.Device}");
        }

        if (Signature(upload) is { } bad)
        {
            return (null, bad);
        }

        return upload.Nonce != item.Nonce ? (null, "wrong nonce: it answers another evidence.fetch, or is replayed")
            : item.Deadline is { } deadline && now > deadline ? (null, $"late: received at {now:O}, after the deadline {deadline:O}")
            : upload.Seq != item.Seq || upload.ReportHash != item.ReportHash
                ? (null, $"not bound to the report: it names window {upload.Seq} ({upload.ReportHash[..12]}…), the item is of window {item.Seq} ({item.ReportHash[..12]}…)")
            : upload.Stratum != item.Stratum ? (null, $"wrong stratum: it answers {upload.Stratum}, the item was drawn from {item.Stratum}")
            : (upload, null);
    }

    // Only a device that says its ring covered the window and held no input of the stratum ("empty: …") is spared, and
    // only when the window's report does not say otherwise; anything else it cannot produce counts against it.
    private static string? Missing(FieldItem item, EvidenceUpload upload, string missing, IReadOnlyDictionary<string, double>? kpis)
    {
        if (upload.Count > 0 || !missing.StartsWith("empty:", StringComparison.Ordinal))
        {
            return $"{FieldItemStates.Evicted}: the device cannot produce input {item.Stratum} of window {item.Seq}: {missing}";
        }

        return kpis is not null && ReportImplication.EmptyStratum(item.Pipeline, item.Stratum, kpis) is { } contradiction
            ? $"{FieldItemStates.Evicted}: the device says window {item.Seq} had no {item.Stratum} input ({missing}), but {contradiction}"
            : $"{FieldItemStates.Empty}: window {item.Seq} had no {item.Stratum} input ({missing})";
    }

    private string? Present(FieldItem item, EvidenceUpload upload, IReadOnlyDictionary<string, double>? kpis, DateTimeOffset now)
    {
        var bytes = Convert.FromBase64String(upload.Input!);
        if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != upload.InputSha256)
        {
            return "tampered: the input's bytes are not those whose SHA-256 the device signed";
        }

        var shape = upload.Shape!;
        var shapeError = shape.MediaType switch
        {
            EvidenceShape.Png => Png.TryReadSize(bytes, out var w, out var h) && w == shape.Width && h == shape.Height ? null : $"the input is not a {shape.Width}x{shape.Height} PNG",
            EvidenceShape.Window => shape.Samples > 0 && shape.Channels > 0 && bytes.Length == (long)shape.Samples * shape.Channels * sizeof(float) ? null
                : $"the input holds {bytes.Length} bytes, not {shape.Samples} × {shape.Channels} float32 values",
            _ => $"media type {shape.MediaType} is neither {EvidenceShape.Png} nor {EvidenceShape.Window}",
        };
        var outputs = upload.Outputs!;
        return shapeError is not null ? $"wrong input: {shapeError}"
            : upload.Time < item.WindowStart || upload.Time >= item.WindowEnd ? $"not of the window: input time {upload.Time:O} is outside [{item.WindowStart:O}, {item.WindowEnd:O})"
            : outputs.Positive != (item.Stratum == Strata.Positive) ? $"wrong stratum: the outputs are {(outputs.Positive ? "positive" : "negative")}, the item was drawn from {item.Stratum}"
            : upload.Count < 1 ? "malformed: an item shown is one of at least 1 input of its stratum (count)"
            : kpis is not null && ReportImplication.Outputs(item.Pipeline, item.Stratum, outputs, kpis) is { } contradiction ? $"outputs contradict the report: {contradiction}"
            : Store(item, upload, bytes, now);
    }

    private string? Store(FieldItem item, EvidenceUpload upload, byte[] bytes, DateTimeOffset now)
    {
        var (sha, _) = store.Blobs.Put(bytes);
        return store.Items.Receive(item.Id, sha, upload.Shape!, upload.Outputs!, upload.Time!.Value, now) ? null : "replayed: the item was answered meanwhile";
    }

    // The KPIs of the window's report as stored; null when it is no longer there to compare with.
    private async Task<IReadOnlyDictionary<string, double>?> KpisAsync(FieldItem item, CancellationToken cancellationToken)
    {
        var stored = await reports.ReportsAsync(item.Site, item.Device, item.WindowEnd, item.WindowEnd.AddTicks(1), cancellationToken);
        return stored.FirstOrDefault(r => r.Report.Seq == item.Seq && r.ReceivedHash == item.ReportHash)?.Report.Kpis;
    }

    // The registry is read for each upload, so a device provisioned after the cloud started needs no restart.
    private string? Signature(EvidenceUpload upload)
    {
        var path = Path.GetFullPath(verification.Value.KeyRegistryPath);
        if (!File.Exists(path))
        {
            return $"not verifiable: the cloud has no device key registry at {path} (Verification:KeyRegistryPath)";
        }

        using var registry = DeviceKeyRegistry.Load(path);
        if (registry.Find(upload.Site, upload.Device) is not { } key)
        {
            return $"not verifiable: the key registry lists no key for {upload.Site}/{upload.Device}";
        }

        var errors = EvidenceUploadValidator.Verify(upload, key);
        return errors.FirstOrDefault() is not { } error ? null
            : upload.Sig is null ? $"unsigned: {error.Why}"
            : error.Field == "kid" ? $"wrong key: {error.Why}"
            : $"tampered: {error.Why}";
    }
}
