using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using GzAiEdge.Access.Scoping;
using GzAiEdge.Monitoring.Live;
using Microsoft.AspNetCore.Http.Features;

namespace GzAiEdge.Cloud.Api;

/// <summary>
/// One open <c>text/event-stream</c> (the WHATWG HTML standard, "Server-sent events"): the events its caller may see,
/// and a <c>: keep-alive</c> comment after every <paramref name="keepAlive"/> without one, because proxies and load
/// balancers close a connection that stays quiet (nginx after 60 s by default); a comment is ignored by EventSource.
/// The stream ends when the client goes or the host starts to stop: an open dashboard must not hold the shutdown.
/// </summary>
public sealed class LiveStream(
    LiveHub hub, AccessScope scope, string? scenario, string? site, TimeSpan keepAlive, CancellationToken stopping) : IResult
{
    private static readonly byte[] KeepAliveComment = ": keep-alive\n\n"u8.ToArray();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, stopping);
        var response = httpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache,no-store";
        // nginx buffers a proxied response unless told not to; events would arrive in bursts.
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var subscription = hub.Subscribe();
        var body = response.BodyWriter;
        try
        {
            WriteEvent(body, "ready", "{}");
            await body.FlushAsync(ended.Token);
            while (true)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(ended.Token);
                idle.CancelAfter(keepAlive);
                bool open;
                try
                {
                    open = await subscription.Events.WaitToReadAsync(idle.Token);
                }
                catch (OperationCanceledException) when (!ended.IsCancellationRequested)
                {
                    body.Write(KeepAliveComment);
                    await body.FlushAsync(ended.Token);
                    continue;
                }

                if (!open)
                {
                    return;
                }

                while (subscription.Events.TryRead(out var item))
                {
                    if (item.Matches(scenario, site) && Visible(item))
                    {
                        WriteEvent(body, item.Type, item.Json);
                    }
                }

                await body.FlushAsync(ended.Token);
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The client went away or the host is stopping: the response simply ends.
        }
    }

    private bool Visible(LiveEvent item) =>
        scope.SeesAll || scope.SeesScenario(item.Scenario)
        || (item is { Site: { } itemSite, DeviceId: { } device } && scope.SeesDevice(itemSite, device, item.Scenario));

    private static void WriteEvent(PipeWriter body, string type, string data)
    {
        Write(body, "event: ");
        Write(body, type);
        // A data line ends at a newline, so data with newlines is sent as several data lines (joined again by the client).
        foreach (var line in data.Split('\n'))
        {
            Write(body, "\ndata: ");
            Write(body, line);
        }

        Write(body, "\n\n");
    }

    private static void Write(PipeWriter body, string text)
    {
        var span = body.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        body.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
