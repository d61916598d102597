using System.Text.Json;
using GzAiEdge.Contracts.Audits;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Mqtt;

namespace GzAiEdge.EndToEnd.Tests.Audits;

/// <summary>
/// A device played by the test (<see cref="AuditRig.Ghost"/>): it reads its audit.run commands off the broker, downloads
/// the inputs and writes answers of the right shape (every item in the seed's order, no detections), which the test then
/// signs, breaks or delays as it needs.
/// </summary>
internal sealed class GhostDevice : IAsyncDisposable
{
    private readonly AuditRig _rig;
    private readonly MqttClient _client;

    private GhostDevice(AuditRig rig, MqttClient client) => (_rig, _client) = (rig, client);

    public static async Task<GhostDevice> ConnectAsync(AuditRig rig)
    {
        var client = new MqttClient(new MqttClientOptions { Host = rig.Broker.Host, Port = rig.Broker.Port, ClientId = $"ghost-{Guid.NewGuid():N}" });
        await client.ConnectAsync(CancellationToken.None);
        await client.SubscribeAsync([new MqttSubscription($"gz/v1/{AuditRig.Site}/{AuditRig.Ghost}/cmd")], CancellationToken.None);
        return new GhostDevice(rig, client);
    }

    /// <summary>The manifest of the audit.run command of <paramref name="audit"/>, as the device receives it.</summary>
    public async Task<AuditManifest> ManifestAsync(string audit)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var message in _client.Messages.ReadAllAsync(timeout.Token))
        {
            var command = JsonSerializer.Deserialize(message.Payload.Span, GzJsonContext.Default.DeviceCommand)!;
            Assert.True(AuditArguments.TryRead(command.Arguments, command.Site, command.Device, out var manifest, out var errors), string.Join("; ", errors));
            if (manifest.Audit == audit)
            {
                return manifest;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>An unsigned answer of the right shape: each item in the seed's order, no detections, 1 ms each.</summary>
    public async Task<AuditAnswer> AnswerAsync(AuditManifest manifest)
    {
        await using var inputs = await _rig.Http.GetStreamAsync(new Uri(manifest.Url, UriKind.Relative));
        using var copy = new MemoryStream();
        await inputs.CopyToAsync(copy);
        copy.Position = 0;
        var (_, items) = AuditInputs.Read(copy, 1L << 30);
        var now = DateTimeOffset.UtcNow;
        return new AuditAnswer
        {
            V = ContractVersion.Current,
            Audit = manifest.Audit,
            Site = AuditRig.Site,
            Device = AuditRig.Ghost,
            Nonce = manifest.Nonce,
            Inputs = manifest.Sha256,
            Model = new ModelInfo("ghost-detector", "1", new string('a', 64)),
            Threshold = 0.5,
            Started = now,
            Finished = now,
            Items = [.. AuditOrder.Of(manifest.Seed, items.Count).Select(i => new AuditItemAnswer { Id = items[i].Id, LatencyMs = [1.0], Boxes = [] })],
        };
    }

    /// <summary>Posts <paramref name="answer"/> as the device would; returns the status and the reason or verdict.</summary>
    public Task<(int Status, string Body)> PostAsync(AuditAnswer answer) => PostAsync(answer, _rig.Http);

    /// <summary>Posts <paramref name="answer"/> for the ghost with <paramref name="http"/>'s identity.</summary>
    public async Task<(int Status, string Body)> PostAsync(AuditAnswer answer, HttpClient http)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(answer, GzJsonContext.Default.AuditAnswer));
        content.Headers.ContentType = new("application/json");
        using var response = await http.PostAsync(new Uri($"api/v1/audits/{answer.Audit}/answers/{AuditRig.Site}/{AuditRig.Ghost}", UriKind.Relative), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
