using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Cloud.Tests.Support;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.Cloud.Tests.Api;

/// <summary>A command sent through the API reaches the device over the real broker, signed.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class CommandPublishApiTests(CloudHost host) : IClassFixture<CloudHost>
{
    [Fact]
    public async Task A_command_is_published_once_on_the_devices_cmd_topic_with_the_id_the_api_returns()
    {
        await using var device = new MqttClient(new MqttClientOptions { Host = host.Broker.Host, Port = host.Broker.Port, ClientId = "cmd-device" });
        await device.ConnectAsync(CancellationToken.None);
        await device.SubscribeAsync([new MqttSubscription("gz/v1/yuexiu-03/cmd-01/cmd")], CancellationToken.None);

        using var response = await host.Http.PostAsJsonAsync(new Uri("/api/v1/devices/yuexiu-03/cmd-01/commands", UriKind.Relative),
            new { type = "config.set", arguments = new Dictionary<string, string> { ["Pipeline:DecisionThreshold"] = "0.6" }, expiresInSeconds = 120 });
        var sent = await response.Content.ReadFromJsonAsync<JsonElement>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var message = await device.Messages.ReadAsync(timeout.Token);
        var command = JsonSerializer.Deserialize(message.Payload.Span, GzJsonContext.Default.DeviceCommand)!;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/v1/devices/yuexiu-03/cmd-01/events?command={command.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(sent.GetProperty("id").GetString(), command.Id);
        Assert.Equal(("config.set", "0.6", TimeSpan.FromSeconds(120)), (command.Type, command.Arguments!["Pipeline:DecisionThreshold"], command.Expires - command.Issued));
        Assert.False(message.Retain);
        using var ring = CommandKeyRing.FromPem([(host.CommandKey.PublicKeyPem, "command-key.pub.pem")]);
        Assert.True(ring.Check(command).IsValid, "the command is signed with the cloud's command key");
    }
}
