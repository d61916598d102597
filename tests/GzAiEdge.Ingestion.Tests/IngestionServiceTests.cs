using System.Net;
using System.Net.Sockets;
using GzAiEdge.Ingestion.DeadLetters;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Testing;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GzAiEdge.Ingestion.Tests;

/// <summary>Ingestion off (an instance that only serves) opens no connection to the broker; on, it does.</summary>
public sealed class IngestionServiceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Off_ingestion_connects_to_no_broker(bool enabled)
    {
        using var folder = new TempFolder("gz-ingestion-off");
        var broker = new TcpListener(IPAddress.Loopback, 0);
        broker.Start();
        try
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ingestion:Enabled"] = enabled.ToString(),
                ["Broker:AllowPlaintext"] = "true",
                ["Broker:Port"] = ((IPEndPoint)broker.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["DeadLetters:Path"] = folder.File("dead-letters.db"),
            });
            builder.Services.AddSingleton(new ScenarioCatalogue([]));
            builder.AddTimeSeries();
            builder.AddDeadLetters();
            builder.AddIngestion();
            using var host = builder.Build();

            await host.StartAsync();
            using var wait = new CancellationTokenSource(enabled ? TimeSpan.FromSeconds(30) : TimeSpan.FromMilliseconds(500));
            var connected = await AcceptAsync(broker, wait.Token);
            await host.StopAsync();

            Assert.Equal(enabled, connected);
            Assert.Equal(!enabled, host.Services.GetServices<IHostedService>().OfType<IngestionService>().Single().ExecuteTask!.IsCompletedSuccessfully);
        }
        finally
        {
            broker.Stop();
        }
    }

    private static async Task<bool> AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        try
        {
            using var client = await listener.AcceptTcpClientAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
