using GzAiEdge.EdgeRuntime.Hosting;
using GzAiEdge.EdgeRuntime.Tests.Configuration;
using GzAiEdge.Hosting.Systemd;
using GzAiEdge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace GzAiEdge.EdgeRuntime.Tests.Hosting;

public class SystemdNotifyServiceTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_watchdog_is_fed_while_the_pipeline_ticks_and_no_longer_once_it_hangs()
    {
        using var folder = new TempFolder();
        using var socket = new NotifySocket(folder.File("notify"));
        var path = folder.File("device.yaml");
        File.WriteAllText(path, $"edge: {{ site: s-1, device: d-1, scenario: traffic-tianhe-flow, stateDirectory: {folder.Path} }}\nsource: {{ profile: traffic, sampleHz: 20 }}\n");
        await using var services = DeviceConfig.Build(path);
        var liveness = services.GetRequiredService<PipelineLiveness>();
        using var notifier = new SystemdNotifier(socket.Name, TimeSpan.FromMilliseconds(1200));
        using var service = ActivatorUtilities.CreateInstance<SystemdNotifyService>(services, notifier);
        var lifetime = (ApplicationLifetime)services.GetRequiredService<IHostApplicationLifetime>();
        using var ticking = new CancellationTokenSource();
        var pipeline = Task.Run(async () =>
        {
            while (!ticking.IsCancellationRequested)
            {
                liveness.Beat();
                await Task.Delay(20);
            }
        });

        await service.StartAsync(CancellationToken.None);
        lifetime.NotifyStarted();

        var ready = await socket.ReceiveAsync(Guard);
        Assert.StartsWith("READY=1\nSTATUS=running; last report seq 0, 0 waiting in the outbox; broker not connected", ready);
        for (var i = 0; i < 3; i++)
        {
            Assert.StartsWith("WATCHDOG=1\n", await socket.ReceiveAsync(Guard));
        }

        // The pipeline hangs: once it has not ticked for the limit, the watchdog goes hungry for good.
        await ticking.CancelAsync();
        await pipeline;
        Assert.NotNull(await socket.WaitForAsync("STATUS=pipeline stalled: no tick for", Guard));
        for (var i = 0; i < 3; i++)
        {
            Assert.StartsWith("STATUS=pipeline stalled: no tick for", await socket.ReceiveAsync(Guard));
        }

        lifetime.StopApplication();
        Assert.NotNull(await socket.WaitForAsync("STOPPING=1", Guard));
        await service.StopAsync(CancellationToken.None);
    }
}
