using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using GzAiEdge.Contracts.Evidence;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.FieldAudits.Items;
using GzAiEdge.FieldAudits.Sampling;
using GzAiEdge.FieldAudits.Scoring;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Testing;
using Xunit.Abstractions;

namespace GzAiEdge.EndToEnd.Tests.FieldAudits;

/// <summary>
/// Field audits end to end with real workers, models, broker and InfluxDB: the sample is drawn only from windows whose
/// report was stored and is re-derived from the revealed seed; evidence arrives signed and bound to its report;
/// tampered evidence is refused with its reason; items the device evicted count against it.
/// </summary>
[Collection(FieldAuditCollection.Name)]
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class FieldAuditTests(FieldAuditRig rig, ITestOutputHelper output)
{
    [Fact]
    public async Task The_sample_is_drawn_only_from_closed_windows_and_is_rederived_from_the_revealed_seed()
    {
        var (pass, at) = rig.Sampled;
        var store = rig.OpenStore();
        var items = store.Items.List(FieldAuditRig.Scenario, period: rig.Period.Id);
        Assert.True(pass.Windows >= 3 && items.Count == pass.Items && items.Count == pass.Windows * 2, $"{pass.Windows} windows, {pass.Items} items, {items.Count} stored");
        foreach (var item in items)
        {
            // Closed: the window ended before the cloud sampled (Through is the cloud's clock then), and its report was stored.
            Assert.True(item.WindowEnd <= at && item.WindowEnd <= pass.Through && item.WindowStart >= rig.Period.Starts, $"{item.Id}: window [{item.WindowStart:O}, {item.WindowEnd:O}) sampled at {at:O}");
            var stored = await EndToEndSupport.QueryAsync(rig.Influx,
                $"SELECT \"seq\" FROM \"kpi\" WHERE \"device\" = '{item.Device}' AND \"seq\" = {item.Seq}");
            Assert.True(stored.Series.Count() == 1, $"{item.Id}: no stored report {item.Seq} of {item.Device}");
        }

        // The seed stays secret until the period ends.
        using (var early = await rig.Http.PostAsync(new Uri($"api/v1/field-audits/periods/{rig.Period.Id}/reveal", UriKind.Relative), null))
        {
            if (DateTimeOffset.UtcNow < rig.Period.Ends.AddSeconds(-1))
            {
                Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
                Assert.Contains("revealed only after", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        var wait = rig.Period.Ends - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait + TimeSpan.FromMilliseconds(200));
        }

        using var reveal = await rig.Http.PostAsync(new Uri($"api/v1/field-audits/periods/{rig.Period.Id}/reveal", UriKind.Relative), null);
        Assert.True(reveal.IsSuccessStatusCode, await reveal.Content.ReadAsStringAsync());
        var periods = JsonSerializer.Deserialize<List<PeriodRecord>>(await rig.Http.GetStringAsync(new Uri($"api/v1/field-audits/periods?scenario={FieldAuditRig.Scenario}", UriKind.Relative)), JsonSerializerOptions.Web)!;
        var revealed = periods.Single(p => p.Id == rig.Period.Id);
        Assert.Equal(rig.Period.SeedSha256, revealed.SeedSha256);
        Assert.Equal(revealed.SeedSha256, SampleDraw.Commitment(revealed.Seed!));
        foreach (var item in items)
        {
            // Anyone with the revealed seed and the stored reports' public data derives the same draw and item.
            Assert.Equal(item.Draw, SampleDraw.Derive(revealed.Seed!, item.Site, item.Device, item.Seq, item.ReportHash, item.Stratum, 0));
            Assert.Equal(item.Id, SampleDraw.ItemId(rig.Period.Id, item.Site, item.Device, item.Seq, item.Stratum, 0));
        }

        // And with the command line, as a provider or auditor would, checking the commitment first.
        var one = items[0];
        var (code, text) = await GzProcesses.RunCliAsync(rig.Folder, "field-audit", "derive", "--seed", revealed.Seed!, "--commitment", revealed.SeedSha256,
            "--period", rig.Period.Id, "--site", one.Site, "--device", one.Device, "--seq", one.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--report-hash", one.ReportHash);
        Assert.True(code == 0, text);
        Assert.Contains($"{one.Id}  {one.Stratum,-8}  {one.Draw.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", text, StringComparison.Ordinal);
        (code, text) = await GzProcesses.RunCliAsync(rig.Folder, "field-audit", "derive", "--seed", new string('0', 64), "--commitment", revealed.SeedSha256,
            "--period", rig.Period.Id, "--site", one.Site, "--device", one.Device, "--seq", "1", "--report-hash", one.ReportHash);
        Assert.Equal(1, code);
        Assert.Contains("not the committed seed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_device_uploads_signed_evidence_bound_to_its_report_for_the_items_it_holds()
    {
        var store = rig.OpenStore();
        await rig.WaitForAsync(() => Task.FromResult(store.Items.List(FieldAuditRig.Scenario, period: rig.Period.Id, device: "cam-01").All(i => i.State != FieldItemStates.Requested)),
            "every item of cam-01 to be answered");
        var items = store.Items.List(FieldAuditRig.Scenario, period: rig.Period.Id, device: "cam-01");
        Assert.All(items, i => Assert.True(i.State is FieldItemStates.Received or FieldItemStates.Empty, $"{i.Id} ({i.Stratum} of {i.Seq}): {i.State} {i.Reason}"));
        var received = items.Where(i => i.State == FieldItemStates.Received).ToList();
        Assert.NotEmpty(received);
        foreach (var item in received)
        {
            var bytes = await File.ReadAllBytesAsync(store.Blobs.PathOf(item.InputSha256!));
            Assert.True(Png.TryReadSize(bytes, out var w, out var h) && w == item.Shape!.Width && h == item.Shape.Height, $"{item.Id}: not a {item.Shape!.Width}x{item.Shape.Height} PNG");
            Assert.Equal(item.Stratum == Strata.Positive, item.Outputs!.Positive);
            Assert.True(item.InputTime >= item.WindowStart && item.InputTime < item.WindowEnd);
            Assert.All(item.Outputs.Boxes ?? [], b => Assert.True(b.X1 >= -1 && b.X2 <= w + 1 && b.Y1 >= -1 && b.Y2 <= h + 1, $"{item.Id}: box {b} outside the {w}x{h} model input"));
        }

        var sizes = received.Select(i => UploadSize(i, File.ReadAllBytes(store.Blobs.PathOf(i.InputSha256!)))).Order().ToList();
        output.WriteLine($"traffic-detection upload per sampled item: median {sizes[sizes.Count / 2]} bytes, max {sizes[^1]} ({received.Count} items)");
    }

    [Fact]
    public async Task Tampered_evidence_is_refused_with_its_reason()
    {
        var store = rig.OpenStore();
        var requested = store.Items.List(FieldAuditRig.Scenario, FieldItemStates.Requested, rig.Period.Id, FieldAuditRig.Site, "cam-02")
            .Where(i => i.Stratum == Strata.Negative).ToList();
        Assert.True(requested.Count >= 3, $"cam-02 does not take evidence.fetch, so its items stay requested; {requested.Count} negative ones are");
        using var device = rig.DeviceClient("cam-02");

        // Outputs changed after signing: the signature no longer holds.
        var forged = Signed(requested[0]) with { Outputs = new EvidenceOutputs { Positive = false, Boxes = [], Threshold = 0.1 } };
        var (status, text) = await PostAsync(device, forged);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("tampered", text, StringComparison.Ordinal);
        Assert.Equal(FieldItemStates.Refused, store.Items.Find(requested[0].Id)!.State);
        Assert.StartsWith("tampered", store.Items.Find(requested[0].Id)!.Reason, StringComparison.Ordinal);

        // The input swapped for other bytes, the signed SHA-256 kept: caught by the hash.
        var swapped = Signed(requested[1]);
        swapped = swapped with { Input = Convert.ToBase64String(Frame(99)) };
        (status, text) = await PostAsync(device, swapped);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("tampered: the input's bytes", text, StringComparison.Ordinal);

        // Bound to another report: refused for its binding, though properly signed.
        var rebound = rig.Keys["cam-02"].Sign(Unsigned(requested[2]) with { ReportHash = new string('e', 64) });
        (status, text) = await PostAsync(device, rebound);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("not bound to the report", text, StringComparison.Ordinal);

        // The same, untampered, for a fourth item is received: the checks refuse tampering, not evidence.
        if (requested.Count > 3)
        {
            (status, text) = await PostAsync(device, Signed(requested[3]));
            Assert.True(status == HttpStatusCode.OK, text);
            Assert.Equal(FieldItemStates.Received, store.Items.Find(requested[3].Id)!.State);
        }
    }

    [Fact]
    public async Task An_item_the_device_evicted_counts_against_it()
    {
        var store = rig.OpenStore();
        await rig.WaitForAsync(() => Task.FromResult(store.Items.List(FieldAuditRig.Scenario, period: rig.Period.Id, device: "cam-03").All(i => i.State != FieldItemStates.Requested)),
            "every item of cam-03 to be answered");
        var items = store.Items.List(FieldAuditRig.Scenario, period: rig.Period.Id, device: "cam-03");
        var evicted = items.Where(i => i.State == FieldItemStates.Evicted).ToList();
        Assert.True(evicted.Count > 0, string.Join("\n", items.Select(i => $"{i.Seq} {i.Stratum}: {i.State} {i.Reason}")));
        Assert.All(evicted, i => Assert.Contains("no longer reaches back", i.Reason, StringComparison.Ordinal));

        // Without a single label, cam-03's evicted items already score: each a wrong box and a missed object.
        var result = await new FieldAuditResults(store.Items, store.Labels).MeasureAsync(FieldAuditRig.Scenario, [(FieldAuditRig.Site, "cam-03")],
            rig.Period.Starts, rig.Period.Ends.AddMinutes(1), CancellationToken.None);
        var precision = result.Metrics[FieldAccuracyKpis.DetectionPrecision.Key];
        Assert.Equal(0, precision.Value);
        Assert.Equal(evicted.Count, precision.Items);
        Assert.Equal(evicted.Count, result.CountedAgainst);

        // The heartbeat counts the ring's evictions.
        await rig.WaitForAsync(async () => (await EndToEndSupport.QueryAsync(rig.Influx,
            "SELECT max(\"evidence_evicted\") FROM \"heartbeat\" WHERE \"device\" = 'cam-03'")).Series.Any(), "a heartbeat of cam-03 counting evictions");
    }

    [Fact]
    public void Evidence_ring_storage_per_device_hour_is_measured_for_each_pipeline()
    {
        foreach (var device in new[] { "cam-01", "line-01", "motor-01", "ward-01" })
        {
            var files = Directory.GetFiles(rig.EvidenceOf(device));
            Assert.True(files.Length > 0, $"{device} keeps no evidence in {rig.EvidenceOf(device)}");
            var inputs = files.Count(f => f.EndsWith(".in", StringComparison.Ordinal));
            var bytes = files.Sum(f => new FileInfo(f).Length);
            if (!OperatingSystem.IsWindows())
            {
                foreach (var file in files)
                {
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
                }
            }

            // At most one input a second (Evidence:EverySeconds 1): 3600 an hour for frames and vibration windows, which come
            // faster; vital-sign windows come every 5 s at 1 Hz (hop 5), 720 an hour.
            var perHour = device == "ward-01" ? 720 : 3600;
            output.WriteLine($"{FieldAuditRig.Workers.Single(w => w.Device == device).Pipeline}: {inputs} inputs held, {bytes / Math.Max(1, inputs)} bytes each with its outputs, {perHour} an hour: {bytes * (double)perHour / Math.Max(1, inputs) / 1e6:0.00} MB per device-hour");
        }
    }

    private EvidenceUpload Signed(FieldItem item) => rig.Keys[item.Device].Sign(Unsigned(item));

    private static EvidenceUpload Unsigned(FieldItem item)
    {
        var input = Frame(7);
        return new EvidenceUpload
        {
            V = ContractVersion.Current,
            Item = item.Id,
            Site = item.Site,
            Device = item.Device,
            Nonce = item.Nonce!,
            Seq = item.Seq,
            ReportHash = item.ReportHash,
            Stratum = item.Stratum,
            Count = 1,
            Time = item.WindowStart.AddMilliseconds(100),
            Shape = EvidenceShape.OfImage(32, 32),
            InputSha256 = Convert.ToHexStringLower(SHA256.HashData(input)),
            Input = Convert.ToBase64String(input),
            Outputs = new EvidenceOutputs { Positive = item.Stratum == Strata.Positive, Boxes = [], Threshold = 0.5 },
        };
    }

    private static byte[] Frame(byte level)
    {
        var rgb = new byte[32 * 32 * 3];
        Array.Fill(rgb, level);
        return Png.Encode(rgb, 32, 32);
    }

    private static async Task<(HttpStatusCode Status, string Text)> PostAsync(HttpClient device, EvidenceUpload upload)
    {
        using var response = await device.PostAsync(new Uri($"api/v1/field-audits/evidence/{upload.Site}/{upload.Device}/{upload.Item}", UriKind.Relative),
            new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(upload, GzJsonContext.Default.EvidenceUpload)) { Headers = { ContentType = new("application/json") } });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    // What the device posts for a received item: the upload with its input and outputs, and a signature's worth of bytes.
    private int UploadSize(FieldItem item, byte[] input) => JsonSerializer.SerializeToUtf8Bytes(new EvidenceUpload
    {
        V = ContractVersion.Current,
        Item = item.Id,
        Site = item.Site,
        Device = item.Device,
        Nonce = item.Nonce!,
        Seq = item.Seq,
        ReportHash = item.ReportHash,
        Stratum = item.Stratum,
        Count = 1,
        Time = item.InputTime,
        Shape = item.Shape,
        InputSha256 = item.InputSha256,
        Input = Convert.ToBase64String(input),
        Outputs = item.Outputs,
        Kid = new string('k', 16),
        Sig = new string('s', 88),
    }, GzJsonContext.Default.EvidenceUpload).Length;
}
