using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>The shipped broker limits (firmware-configs/mosquitto/gz-limits.conf), checked on a real Mosquitto.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class BrokerConfigTests
{
    // A stock Mosquitto (max_queued_messages 1000) acknowledges all of these to the publisher and
    // hands the returning subscriber only 1000: measured here, 1000 of 20 000.
    private const int Burst = 5000;

    [Fact]
    public async Task A_burst_for_an_offline_persistent_session_is_kept_whole_not_cut_at_the_stock_1000()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var subscriberOptions = new MqttClientOptions
        {
            Host = broker.Host,
            Port = broker.Port,
            ClientId = "slow-ingest",
            CleanStart = false,
            SessionExpiryIntervalSeconds = 3600,
            AutoReconnect = false,
        };
        await using (var subscriber = new MqttClient(subscriberOptions))
        {
            await subscriber.ConnectAsync(CancellationToken.None);
            await subscriber.SubscribeAsync([new MqttSubscription("burst/#")], CancellationToken.None);
            await subscriber.DisconnectAsync();
        }

        await using (var publisher = new MqttClient(new MqttClientOptions { Host = broker.Host, Port = broker.Port, ClientId = "burst" }))
        {
            await publisher.ConnectAsync(CancellationToken.None);
            await Task.WhenAll(Enumerable.Range(0, Burst).Select(i =>
                publisher.PublishAsync(new MqttApplicationMessage("burst/x", BitConverter.GetBytes(i)), CancellationToken.None).AsTask()));
        }

        await using var returning = new MqttClient(subscriberOptions);
        var result = await returning.ConnectAsync(CancellationToken.None);
        Assert.True(result.SessionPresent);
        var received = new HashSet<int>();
        using var quiet = new CancellationTokenSource();
        while (received.Count < Burst)
        {
            // What the broker kept arrives at once; 5 s of silence means it kept no more.
            quiet.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                var message = await returning.Messages.ReadAsync(quiet.Token);
                received.Add(BitConverter.ToInt32(message.Payload.Span));
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Assert.Equal(Burst, received.Count);
    }
}
