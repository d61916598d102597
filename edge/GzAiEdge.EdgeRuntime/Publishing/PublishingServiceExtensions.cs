using System.Threading.Channels;
using GzAiEdge.Configuration;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Publishing;

public static class PublishingServiceExtensions
{
    /// <summary>
    /// The SQLite outbox (section <c>Outbox</c>) in the state folder: reports signed with the device key and kept
    /// until the broker acknowledged them, with <c>seq</c> and the chain head across restarts.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateOnStart();
        services.AddBoundSection<OutboxOptions>(OutboxOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var edge = sp.GetRequiredService<IOptions<EdgeOptions>>().Value;
            var signer = edge.SigningKeyFile is { Length: > 0 } key ? DeviceSigner.FromPemFile(key) : null;
            return new Outbox(edge.StateDirectory, edge.Site, edge.Device, signer,
                sp.GetRequiredService<IOptions<OutboxOptions>>().Value, sp.GetRequiredService<TimeProvider>());
        });
        return builder;
    }

    /// <summary>
    /// The broker connection (section <c>Broker</c>) and the service that stores each report in the outbox and
    /// publishes it at QoS 1 until acknowledged.
    /// </summary>
    public static IHostApplicationBuilder AddPublisher(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<BrokerOptions>, BrokerOptionsValidator>();
        services.AddOptions<BrokerOptions>().BindConfiguration(BrokerOptions.Section).ValidateOnStart();
        services.AddBoundSection<BrokerOptions>(BrokerOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EdgeConnection>();

        // Reports wait when the publisher is behind (never dropped); 1000 windows is hours of backlog.
        var reports = Channel.CreateBounded<KpiReport>(new BoundedChannelOptions(1000)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
        services.AddSingleton(reports.Reader);
        services.AddSingleton(reports.Writer);
        services.AddHostedService<PublisherService>();
        return builder;
    }
}
