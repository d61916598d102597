using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using GzAiEdge.Testing;

namespace GzAiEdge.Cloud.Tests.Support;

/// <summary>An HTTP endpoint on a free loopback port that keeps every JSON body POSTed to it.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        Url = new Uri($"http://127.0.0.1:{FreePort.Next()}/hook/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ReceiveAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<JsonElement> Received { get; } = new();

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using (var document = await JsonDocument.ParseAsync(context.Request.InputStream))
            {
                Received.Enqueue(document.RootElement.Clone());
            }

            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }
}
