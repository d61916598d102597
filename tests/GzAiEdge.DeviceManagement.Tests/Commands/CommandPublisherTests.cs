using System.Text.Json;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.DeviceManagement.Commands;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GzAiEdge.DeviceManagement.Tests.Commands;

public sealed class CommandPublisherTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private readonly TempFolder _folder = new("gz-command-key");
    private readonly CommandSigner _key = CommandSigner.Create();
    private readonly CommandSigning _signing;

    public CommandPublisherTests()
    {
        File.WriteAllText(_folder.File("command-key.pem"), _key.ExportPrivateKeyPem());
        _signing = new CommandSigning(Options.Create(new CommandSigningOptions { SigningKeyFile = _folder.File("command-key.pem") }));
    }

    public void Dispose()
    {
        _signing.Dispose();
        _key.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_command_goes_out_once_signed_on_the_devices_cmd_topic_at_QoS_1_not_retained()
    {
        var live = new Recording();

        var topic = await Publisher(live).PublishAsync(Command(), CancellationToken.None);

        var message = Assert.Single(live.Messages);
        Assert.Equal(("gz/v1/site-1/cam-01/cmd", MqttQualityOfService.AtLeastOnce, false), (message.Topic, message.Qos, message.Retain));
        Assert.Equal(topic, message.Topic);
        var sent = JsonSerializer.Deserialize(message.Payload.Span, GzJsonContext.Default.DeviceCommand)!;
        Assert.Equal(Command(), sent with { Kid = null, Sig = null }, new CommandComparer());
        using var ring = CommandKeyRing.FromPem([(_key.PublicKeyPem, "command-key.pub.pem")]);
        Assert.Equal((_key.Kid, CommandSignatureStatus.Valid), (sent.Kid, ring.Check(sent).Status));
    }

    [Fact]
    public async Task Without_a_command_key_nothing_is_published_and_the_error_says_which_key_is_missing()
    {
        var live = new Recording();
        using var none = new CommandSigning(Options.Create(new CommandSigningOptions()));

        var error = await Assert.ThrowsAsync<CommandNotPublishedException>(() =>
            new CommandPublisher(live, none, _time, NullLogger<CommandPublisher>.Instance).PublishAsync(Command(), CancellationToken.None));

        Assert.Empty(live.Messages);
        Assert.Contains("holds no command key (Commands:SigningKeyFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publish_the_broker_refuses_is_reported_with_the_topic_and_the_brokers_reason()
    {
        var live = new Recording { Failure = new MqttPublishException(MqttReasonCode.NotAuthorized, "the broker answered NotAuthorized") };

        var error = await Assert.ThrowsAsync<CommandNotPublishedException>(() => Publisher(live).PublishAsync(Command(), CancellationToken.None));

        Assert.Equal("command not published to gz/v1/site-1/cam-01/cmd: the broker answered NotAuthorized", error.Message);
    }

    [Fact]
    public async Task A_broker_that_does_not_take_the_command_in_10_s_is_reported_as_such()
    {
        var live = new Recording { Hang = true };
        var publishing = Publisher(live).PublishAsync(Command(), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(50);
        Assert.False(publishing.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<CommandNotPublishedException>(() => publishing);
        Assert.Equal("command not published to gz/v1/site-1/cam-01/cmd: the broker did not take it within 10 s", error.Message);
    }

    [Fact]
    [Trait(TestCategory.Key, TestCategory.Servers)]
    public async Task Through_a_real_broker_the_device_receives_the_command_not_retained()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var device = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = "cam-01" });
        await using var cloud = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = "cloud-live" });
        await device.ConnectAsync(CancellationToken.None);
        await device.SubscribeAsync([new MqttSubscription("gz/v1/site-1/cam-01/cmd")], CancellationToken.None);
        await cloud.ConnectAsync(CancellationToken.None);

        await new CommandPublisher(new Connected(cloud), _signing, TimeProvider.System, NullLogger<CommandPublisher>.Instance).PublishAsync(Command(), CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var received = await device.Messages.ReadAsync(timeout.Token);
        Assert.Equal("gz/v1/site-1/cam-01/cmd", received.Topic);
        Assert.False(received.Retain);
        Assert.Equal(Command(), JsonSerializer.Deserialize(received.Payload.Span, GzJsonContext.Default.DeviceCommand)! with { Kid = null, Sig = null }, new CommandComparer());
    }

    private CommandPublisher Publisher(ICommandChannel live) => new(live, _signing, _time, NullLogger<CommandPublisher>.Instance);

    private static DeviceCommand Command() => new()
    {
        V = ContractVersion.Current,
        Id = new string('a', 32),
        Site = "site-1",
        Device = "cam-01",
        Issued = T0,
        Expires = T0.AddMinutes(2),
        Type = "config.set",
        Arguments = new Dictionary<string, string> { ["Pipeline:DecisionThreshold"] = "0.6" },
    };

    private sealed class Recording : ICommandChannel
    {
        public List<MqttApplicationMessage> Messages { get; } = [];

        public Exception? Failure { get; init; }

        public bool Hang { get; init; }

        public async Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
        {
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            Messages.Add(message with { Payload = message.Payload.ToArray() });
            if (Failure is not null)
            {
                throw Failure;
            }
        }
    }

    private sealed class Connected(MqttClient client) : ICommandChannel
    {
        public async Task PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken) =>
            await client.PublishAsync(message, cancellationToken);
    }

    private sealed class CommandComparer : IEqualityComparer<DeviceCommand?>
    {
        public bool Equals(DeviceCommand? x, DeviceCommand? y) =>
            x is not null && y is not null && (x with { Arguments = null }) == (y with { Arguments = null })
            && x.Arguments!.OrderBy(a => a.Key).SequenceEqual(y.Arguments!.OrderBy(a => a.Key));

        public int GetHashCode(DeviceCommand? obj) => obj?.Id.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
