using System.Diagnostics;
using GzAiEdge.FleetSimulation.Devices;

namespace GzAiEdge.FleetSimulation;

/// <summary>
/// Runs the fleet: connects every device (a bounded number at a time, so the broker's listen queue
/// does not overflow), then one clock for all devices ticks their simulations, closes their windows
/// (aligned to the epoch like a real device's, so every device reports at the same moment, the load a
/// real fleet puts on the broker), sends heartbeats and prints stats; at the end every device stops
/// cleanly. One loop for all devices instead of a timer per device keeps the fleet at one thread's work
/// per tick; signing the windows' reports is spread over the cores.
/// </summary>
public sealed class FleetRunner(FleetOptions options, IReadOnlyList<SimulatedDevice> devices, FleetCounters counters, ChainStore chains,
    TimeProvider time, TextWriter output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await ConnectAllAsync(cancellationToken);
        try
        {
            await TickAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C or SIGTERM: stop cleanly below.
        }

        await StopAllAsync();
        Print();
    }

    private async Task ConnectAllAsync(CancellationToken cancellationToken)
    {
        using var progress = new PeriodicTimer(options.StatsInterval, time);
        var connecting = Parallel.ForEachAsync(devices,
            new ParallelOptions { MaxDegreeOfParallelism = options.ConnectParallel, CancellationToken = cancellationToken },
            async (device, token) => await device.ConnectAsync(token));
        while (!connecting.IsCompleted)
        {
            await Task.WhenAny(connecting, progress.WaitForNextTickAsync(cancellationToken).AsTask());
            if (!connecting.IsCompleted)
            {
                Print();
            }
        }

        await connecting;
        output.WriteLine(options.Json ? Stats().ToJson() : $"fleet: {devices.Count} devices connected in {_clock.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var stopAt = options.Duration is { } d ? time.GetUtcNow() + d : DateTimeOffset.MaxValue;
        var last = time.GetUtcNow();
        var nextHeartbeat = last + options.Heartbeat;
        var nextStats = last + options.StatsInterval;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / options.SampleHz), time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var now = time.GetUtcNow();
            if (now >= devices[0].WindowEnd)
            {
                Parallel.ForEach(devices, device => device.CloseWindows(now));
                chains.Save(devices.Select(d => d.Chain));
            }

            var seconds = (now - last).TotalSeconds;
            foreach (var device in devices)
            {
                device.Tick(now, seconds);
            }

            last = now;
            if (now >= nextHeartbeat)
            {
                foreach (var device in devices)
                {
                    device.Heartbeat(now);
                }

                nextHeartbeat += options.Heartbeat;
            }

            if (now >= nextStats)
            {
                Print();
                nextStats += options.StatsInterval;
            }

            if (now >= stopAt)
            {
                return;
            }
        }
    }

    private async Task StopAllAsync()
    {
        var now = time.GetUtcNow();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // Stopping asks the broker little (one retained publish, one DISCONNECT): many at once.
        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 1024 },
            async (device, _) =>
            {
                try
                {
                    await device.StopAsync(now, bound.Token);
                }
                catch (OperationCanceledException)
                {
                    // The broker did not take the offline state in time; it publishes the will instead.
                }
            });
        chains.Save(devices.Select(d => d.Chain));
    }

    private FleetStats Stats() => FleetStats.Read(_clock.Elapsed.TotalSeconds, devices.Count, counters, options.ExactHeap);

    private void Print()
    {
        var stats = Stats();
        output.WriteLine(options.Json ? stats.ToJson() : stats.ToString());
    }
}
