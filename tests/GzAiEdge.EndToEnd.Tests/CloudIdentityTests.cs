using System.Text;
using GzAiEdge.Mqtt;
using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests;

/// <summary>
/// The cloud's identities from <c>gz provision</c> on a real Mosquitto: one per job and instance, each in its own env file,
/// and each able to do its job and nothing else.
/// </summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class CloudIdentityTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Each_cloud_identity_may_do_its_job_and_nothing_else_and_holds_no_other_jobs_secret()
    {
        using var folder = new TempFolder("gz-cloud-identities");
        var site = await ProvisionedSite.CreateAsync(folder, "tianhe-01", "cam-01", "--cloud-instances=2");
        Assert.Equal(["commander-1.env", "commander-2.env", "ingest-1.env", "ingest-2.env", "live-1.env", "live-2.env"],
            Directory.GetFiles(Path.Combine(site.Pki, "cloud"), "*-*.env").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(site.Env("cloud/ingest-1").Keys, k => Assert.StartsWith("Broker__Ingest__", k, StringComparison.Ordinal));
        Assert.DoesNotContain("Password", File.ReadAllText(Path.Combine(site.Pki, "cloud", "cloud.env")), StringComparison.Ordinal);
        await using var broker = await site.StartBrokerAsync();
        await using var device = await site.ConnectAsync("devices/cam-01", "cam-01");
        await using var ingest = await site.ConnectAsync("cloud/ingest-1", "gz-ingest-1");
        await using var live = await site.ConnectAsync("cloud/live-1", "gz-live-1");
        await using var commander = await site.ConnectAsync("cloud/commander-1", "gz-commander-1");
        await ingest.SubscribeAsync([new MqttSubscription("$share/gz-ingest/gz/v1/+/+/+")], CancellationToken.None);
        await live.SubscribeAsync([new MqttSubscription("gz/v1/+/+/+"), new MqttSubscription("gz/v1/alerts")], CancellationToken.None);
        await commander.SubscribeAsync([new MqttSubscription("gz/v1/+/+/+")], CancellationToken.None);
        await device.SubscribeAsync([new MqttSubscription("gz/v1/tianhe-01/cam-01/cmd")], CancellationToken.None);

        // Each job: a device's report reaches ingestion and the live feed (not the commander); an alert goes out; a command reaches the device.
        await PublishAsync(device, "gz/v1/tianhe-01/cam-01/kpi");
        await PublishAsync(live, "gz/v1/alerts");
        await PublishAsync(commander, "gz/v1/tianhe-01/cam-01/cmd");
        Assert.Equal(["gz/v1/tianhe-01/cam-01/cmd", "gz/v1/tianhe-01/cam-01/kpi"], await TopicsAsync(ingest));
        Assert.Equal(["gz/v1/alerts", "gz/v1/tianhe-01/cam-01/cmd", "gz/v1/tianhe-01/cam-01/kpi"], await TopicsAsync(live));
        Assert.Empty(await TopicsAsync(commander));
        Assert.Equal(["gz/v1/tianhe-01/cam-01/cmd"], await TopicsAsync(device));

        // Nothing else: ingestion writes nothing, the live feed no command, the commander no report or alert.
        foreach (var (client, topic) in new[]
        {
            (ingest, "gz/v1/tianhe-01/cam-01/kpi"), (ingest, "gz/v1/tianhe-01/cam-01/cmd"), (ingest, "gz/v1/alerts"),
            (live, "gz/v1/tianhe-01/cam-01/cmd"), (live, "gz/v1/tianhe-01/cam-01/kpi"),
            (commander, "gz/v1/tianhe-01/cam-01/kpi"), (commander, "gz/v1/alerts"),
        })
        {
            var refused = await Assert.ThrowsAsync<MqttPublishException>(() => PublishAsync(client, topic));
            Assert.Equal(MqttReasonCode.NotAuthorized, refused.ReasonCode);
        }
    }

    [Fact]
    public async Task Two_ingestion_instances_each_with_its_own_identity_share_the_subscription()
    {
        using var folder = new TempFolder("gz-cloud-share");
        var site = await ProvisionedSite.CreateAsync(folder, "tianhe-01", "cam-01", "--cloud-instances=2");
        await using var broker = await site.StartBrokerAsync();
        await using var first = await site.ConnectAsync("cloud/ingest-1", "gz-ingest-1");
        await using var second = await site.ConnectAsync("cloud/ingest-2", "gz-ingest-2");
        foreach (var ingest in new[] { first, second })
        {
            await ingest.SubscribeAsync([new MqttSubscription("$share/gz-ingest/gz/v1/+/+/+")], CancellationToken.None);
        }

        await using var device = await site.ConnectAsync("devices/cam-01", "cam-01");
        for (var i = 0; i < 40; i++)
        {
            await PublishAsync(device, "gz/v1/tianhe-01/cam-01/kpi");
        }

        var (one, two) = ((await TopicsAsync(first)).Count, (await TopicsAsync(second)).Count);

        // Every message once, to one of them; both take part (Mosquitto hands a share group's messages round the members).
        Assert.Equal(40, one + two);
        Assert.True(one > 0 && two > 0, $"split {one} / {two}");
    }

    private static Task PublishAsync(MqttClient client, string topic) =>
        client.PublishAsync(new MqttApplicationMessage(topic, Encoding.UTF8.GetBytes("{}")), CancellationToken.None).AsTask();

    private static async Task<List<string>> TopicsAsync(MqttClient client)
    {
        await Task.Delay(Quiet);
        var topics = new List<string>();
        while (client.Messages.TryRead(out var message))
        {
            topics.Add(message.Topic);
            message.Dispose();
        }

        return [.. topics.Order(StringComparer.Ordinal)];
    }
}
