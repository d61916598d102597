using System.Net;
using System.Text;
using System.Text.Json;
using GzAiEdge.Cloud.Tests.Support;
using GzAiEdge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GzAiEdge.Dashboard.Tests;

/// <summary>What a browser session may see and do: a provider's overview and live stream hold only their scenario; another site's form cannot act with the session.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class ScopedDashboardTests : IClassFixture<SignInHost>, IClassFixture<BrowserSession>
{
    private readonly SignInHost _host;
    private readonly BrowserSession _browser;

    public ScopedDashboardTests(SignInHost host, BrowserSession browser)
    {
        (_host, _browser) = (host, browser);
        SetDefaultExpectTimeout(20_000);
    }

    [Fact]
    public async Task A_provider_sees_only_their_scenario_on_the_overview_and_in_the_live_stream()
    {
        var (provider, errors) = await _browser.SignedInPageAsync(_host.Api, SignInHost.LocalProvider);
        await Expect(provider.Locator(".card")).ToHaveCountAsync(1);
        await Expect(provider.Locator($".card[data-scenario='{SignInHost.ScenarioA}']")).ToHaveCountAsync(1);
        await BrowserSession.ScreenshotAsync(provider, "provider-overview");
        var (admin, _) = await _browser.SignedInPageAsync(_host.Api);
        await Expect(admin.Locator(".card")).ToHaveCountAsync(100);
        foreach (var page in new[] { provider, admin })
        {
            await page.EvaluateAsync("""
                () => new Promise((resolve) => {
                  window.gzSeen = [];
                  const source = new EventSource('/api/v1/live');
                  source.addEventListener('ready', () => resolve());
                  source.addEventListener('kpi', (e) => window.gzSeen.push(JSON.parse(e.data).scenario));
                })
                """);
        }

        await using var mine = await TestDevice.ConnectAsync(_host.Broker, "tianhe-01", "live-a", SignInHost.ScenarioA);
        await using var theirs = await TestDevice.ConnectAsync(_host.Broker, "yuexiu-03", "live-b", SignInHost.ScenarioB);
        for (var round = 0; round < 2; round++)
        {
            await theirs.PublishKpiAsync(new Dictionary<string, double> { ["spo2_mean"] = 97 });
            await mine.PublishKpiAsync(new Dictionary<string, double> { ["mean_speed_kmh"] = 40 });
        }

        await provider.WaitForFunctionAsync("() => window.gzSeen.length >= 2");
        await admin.WaitForFunctionAsync($"() => window.gzSeen.filter((s) => s === '{SignInHost.ScenarioB}').length >= 2");
        Assert.Equal([SignInHost.ScenarioA, SignInHost.ScenarioA], await provider.EvaluateAsync<string[]>("() => window.gzSeen"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_form_on_another_site_cannot_acknowledge_an_alert_with_the_session()
    {
        await using var device = await TestDevice.ConnectAsync(_host.Broker, "yuexiu-03", "csrf-01", SignInHost.ScenarioB);
        await device.PublishKpiAsync(new Dictionary<string, double> { ["spo2_mean"] = 85 });
        await device.PublishKpiAsync(new Dictionary<string, double> { ["spo2_mean"] = 84 });
        var alert = await AlertAsync("csrf-01");
        var (page, _) = await _browser.SignedInPageAsync(_host.Api);

        // Same site (127.0.0.1, another port): the Lax cookie goes along, so the anti-forgery check is what refuses it.
        // Another site (localhost): the cookie does not even go along.
        foreach (var origin in new[] { "127.0.0.1", "localhost" })
        {
            using var evil = new EvilSite(origin, $$"""
                <form method="POST" action="{{_host.Api}}api/v1/alerts/{{alert}}/acknowledge"><input name="x" value="1"></form>
                <script>document.forms[0].submit();</script>
                """);
            var answer = await page.RunAndWaitForResponseAsync(() => page.GotoAsync(evil.Url.ToString()), r => r.Url.Contains("/acknowledge", StringComparison.Ordinal));
            Assert.True(answer.Status is 401 or 403, $"from {origin}: {answer.Status}");
            Assert.DoesNotContain("   at ", await answer.TextAsync(), StringComparison.Ordinal);
        }

        using var check = await _host.Admin.GetAsync(new Uri("/api/v1/alerts?device=csrf-01", UriKind.Relative));
        var listed = JsonDocument.Parse(await check.Content.ReadAsStringAsync()).RootElement.GetProperty("items")[0];
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("acknowledgedAt").ValueKind);
        var log = await _host.Admin.GetStringAsync(new Uri("/api/v1/audit-log?action=request.forgery-refused", UriKind.Relative));
        Assert.Contains($"POST /api/v1/alerts/{alert}/acknowledge", log, StringComparison.Ordinal);

        // The dashboard's own button, with the session's token, does acknowledge it.
        await page.GotoAsync($"/#/scenario/{SignInHost.ScenarioB}");
        var row = page.Locator("table.alerts tr.alert-active").Filter(new() { HasText = "yuexiu-03/csrf-01" });
        await row.Locator("button.ack").ClickAsync();
        await Expect(row.Locator(".acked")).ToHaveTextAsync("已确认");
    }

    private async Task<long> AlertAsync(string device)
    {
        for (var waited = 0; waited < 30_000; waited += 200)
        {
            var page = JsonDocument.Parse(await _host.Admin.GetStringAsync(new Uri($"/api/v1/alerts?device={device}&active=true", UriKind.Relative))).RootElement;
            if (page.GetProperty("items").GetArrayLength() > 0)
            {
                return page.GetProperty("items")[0].GetProperty("id").GetInt64();
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"no alert for {device} within 30 s\n{_host.Cloud.Output}");
    }

    /// <summary>A page on another origin (loopback, a port of its own) that serves one HTML document.</summary>
    private sealed class EvilSite : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public EvilSite(string host, string html)
        {
            Url = new Uri($"http://{host}:{FreePort.Next()}/");
            _listener.Prefixes.Add(Url.ToString());
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    try
                    {
                        var context = await _listener.GetContextAsync();
                        var body = Encoding.UTF8.GetBytes($"<!doctype html><html><body>{html}</body></html>");
                        context.Response.ContentType = "text/html; charset=utf-8";
                        await context.Response.OutputStream.WriteAsync(body);
                        context.Response.Close();
                    }
                    catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }
                }
            });
        }

        public Uri Url { get; }

        public void Dispose()
        {
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
