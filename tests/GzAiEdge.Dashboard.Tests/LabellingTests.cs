using System.Globalization;
using GzAiEdge.FieldAudits.Labels;
using GzAiEdge.FieldAudits.Storage;
using GzAiEdge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GzAiEdge.Dashboard.Tests;

/// <summary>Field-audit labelling in the browser: evaluators correct the device's output and see their agreement; a provider is refused.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class LabellingTests : IClassFixture<LabellingHost>, IClassFixture<BrowserSession>
{
    private readonly LabellingHost _host;
    private readonly BrowserSession _browser;

    public LabellingTests(LabellingHost host, BrowserSession browser)
    {
        (_host, _browser) = (host, browser);
        SetDefaultExpectTimeout(20_000);
    }

    [Fact]
    public async Task Two_evaluators_correct_a_frame_and_the_page_shows_their_agreement_as_computed_from_the_stored_labels()
    {
        var started = DateTimeOffset.UtcNow;
        var (a, errorsA) = await _browser.SignedInPageAsync(_host.Api, LabellingHost.EvaluatorA);
        await Expect(a.Locator("#nav-labelling")).ToBeVisibleAsync();
        await a.GotoAsync($"/#/label/{_host.Frame.Id}");
        var layer = a.Locator("#box-layer");
        await Expect(layer).ToHaveAttributeAsync("data-count", "2");
        await Expect(a.Locator(".who")).ToContainTextAsync("仅限评估人员");
        await Expect(a.Locator(".shortcuts")).ToContainTextAsync("Enter");

        // The second box is a pedestrian the device called a vehicle: select it, press 2. Then draw the object it missed.
        await ClickBoxAsync(a, 1);
        await a.Keyboard.PressAsync("2");
        await Expect(layer.Locator("g.box[data-index='1']")).ToHaveAttributeAsync("data-class", "pedestrian");
        await a.Keyboard.PressAsync("1");
        await a.Keyboard.PressAsync("Escape");
        await Expect(layer.Locator("g.box[data-index='1']")).ToHaveAttributeAsync("data-class", "vehicle");
        await ClickBoxAsync(a, 1);
        await a.Keyboard.PressAsync("2");
        await DrawAsync(a, (250, 30), (300, 90));
        await Expect(layer).ToHaveAttributeAsync("data-count", "3");
        await Expect(layer.Locator("g.box[data-index='2']")).ToHaveAttributeAsync("data-class", "pedestrian"); // the class picked last
        await a.Keyboard.PressAsync("1");
        await Expect(layer.Locator("g.box[data-index='2']")).ToHaveAttributeAsync("data-class", "vehicle");
        await BrowserSession.ScreenshotAsync(a, "labelling-frame-corrected");
        await a.Keyboard.PressAsync("Enter");
        await Expect(a.Locator("#label-status")).ToHaveAttributeAsync("data-saved", LabellingHost.EvaluatorA);

        // The second evaluator sees the device's output, not the first label; moves the first box and fixes the class only.
        var (b, errorsB) = await _browser.SignedInPageAsync(_host.Api, LabellingHost.EvaluatorB);
        await b.GotoAsync($"/#/label/{_host.Frame.Id}");
        var layerB = b.Locator("#box-layer");
        await Expect(layerB).ToHaveAttributeAsync("data-count", "2");
        await Expect(layerB.Locator("g.box[data-index='1']")).ToHaveAttributeAsync("data-class", "vehicle");
        await ClickBoxAsync(b, 1);
        await b.Keyboard.PressAsync("2");
        var first = await BoxCentreAsync(b, 0);
        await DragAsync(b, first, (first.X + 6, first.Y + 3));
        await b.ClickAsync("#label-confirm");
        await Expect(b.Locator("#label-status")).ToHaveAttributeAsync("data-saved", LabellingHost.EvaluatorB);

        // Each label stored with who and when; the agreement the page shows is the one computed from them by hand.
        var labels = new FieldAuditStore(_host.Store).Labels.Of(_host.Frame.Id).OrderBy(l => l.Evaluator, StringComparer.Ordinal).ToList();
        Assert.Equal([LabellingHost.EvaluatorA, LabellingHost.EvaluatorB], labels.Select(l => l.Evaluator));
        Assert.All(labels, l => Assert.InRange(l.Labelled, started, DateTimeOffset.UtcNow));
        Assert.Equal(["vehicle", "pedestrian", "vehicle"], labels[0].Boxes!.Select(x => x.Class));
        Assert.Equal(["vehicle", "pedestrian"], labels[1].Boxes!.Select(x => x.Class));
        var iou0 = labels[0].Boxes![0].Iou(labels[1].Boxes![0]);
        Assert.InRange(iou0, 0.5, 0.99);
        var meanIou = (iou0 + labels[0].Boxes![1].Iou(labels[1].Boxes![1])) / 2;
        var row = b.Locator("#agreement tr[data-pipeline='traffic-detection']");
        await Expect(row.Locator(".box-agreement")).ToHaveTextAsync("80.0 %"); // 2 matched · 2 / (3 + 2)
        await Expect(row.Locator(".mean-iou")).ToHaveTextAsync(meanIou.ToString("0.###", CultureInfo.InvariantCulture));
        await BrowserSession.ScreenshotAsync(b, "labelling-agreement");

        // The evaluator's overview shows the same, in English too.
        await a.GotoAsync($"/#/labelling/{LabellingHost.Traffic}");
        await Expect(a.Locator("#agreement tr[data-pipeline='traffic-detection'] .box-agreement")).ToHaveTextAsync("80.0 %");
        await Expect(a.Locator($"tr[data-item='{_host.Frame.Id}'] td").Nth(7)).ToHaveTextAsync("2");
        await a.ClickAsync("#lang");
        await Expect(a.Locator(".who")).ToContainTextAsync("For evaluators only");
        await Expect(a.Locator("#label-progress")).ToHaveTextAsync("You labelled 1 of 1 received");
        await a.ClickAsync("#lang");
        Assert.Empty(errorsA);
        Assert.Empty(errorsB);
    }

    [Fact]
    public async Task A_product_a_vital_sign_window_and_a_vibration_window_are_labelled_with_the_keys()
    {
        var (page, errors) = await _browser.SignedInPageAsync(_host.Api, LabellingHost.EvaluatorA);
        await page.GotoAsync($"/#/label/{_host.Product.Id}");
        await Expect(page.Locator("#device-decision")).ToContainTextAsync("ok");
        await Expect(page.Locator("#label-image")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("2");
        await Expect(page.Locator("button.choice.chosen")).ToHaveAttributeAsync("data-choice", "1");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#label-status")).ToHaveAttributeAsync("data-saved", LabellingHost.EvaluatorA);

        await page.GotoAsync($"/#/label/{_host.Vitals.Id}");
        await Expect(page.Locator("#window-plot")).ToHaveAttributeAsync("data-channels", "2");
        await page.Keyboard.PressAsync("Enter"); // confirms the device's "abnormal"
        await Expect(page.Locator("#label-status")).ToHaveAttributeAsync("data-saved", LabellingHost.EvaluatorA);

        await page.GotoAsync($"/#/label/{_host.Vibration.Id}");
        await Expect(page.Locator("#window-plot")).ToHaveAttributeAsync("data-channels", "3");
        await Expect(page.Locator("#device-decision")).ToContainTextAsync("异常");
        await BrowserSession.ScreenshotAsync(page, "labelling-vibration");
        await page.Keyboard.PressAsync("1");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#label-status")).ToHaveAttributeAsync("data-saved", LabellingHost.EvaluatorA);

        var store = new FieldAuditStore(_host.Store).Labels;
        Assert.Equal("defect", Mine(store, _host.Product.Id).Class);
        Assert.Equal("abnormal", Mine(store, _host.Vitals.Id).Class);
        Assert.False(Mine(store, _host.Vibration.Id).Anomaly);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_provider_is_refused_the_pages_and_every_labelling_call_of_the_session()
    {
        var (page, _) = await _browser.SignedInPageAsync(_host.Api, LabellingHost.Provider);
        await Expect(page.Locator("#nav-labelling")).ToBeHiddenAsync();
        await page.GotoAsync("/#/labelling");
        await Expect(page.Locator("#label-error")).ToContainTextAsync("仅限评估人员");
        await page.GotoAsync($"/#/label/{_host.Frame.Id}");
        await Expect(page.Locator("#label-error")).ToContainTextAsync("仅限评估人员");
        await Expect(page.Locator("#box-layer")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "labelling-provider-refused");

        // The session's own calls, anti-forgery token included: the server refuses them, whatever the page draws.
        var answers = await page.EvaluateAsync<string[]>("""
            async (id) => {
              const { csrf } = await (await fetch('/api/v1/auth/session')).json();
              const calls = [['GET', '/api/v1/field-audits/queue'], ['GET', '/api/v1/field-audits/items'], ['GET', `/api/v1/field-audits/items/${id}`],
                ['GET', `/api/v1/field-audits/items/${id}/input`], ['GET', '/api/v1/field-audits/agreement'],
                ['PUT', `/api/v1/field-audits/items/${id}/label`]];
              const out = [];
              for (const [method, path] of calls) {
                const r = await fetch(path, { method, headers: { 'X-CSRF-TOKEN': csrf, 'Content-Type': 'application/json' },
                  body: method === 'PUT' ? JSON.stringify({ boxes: [] }) : undefined });
                out.push(`${method} ${path} ${r.status} ${await r.text()}`);
              }
              return out;
            }
            """, _host.Frame.Id);
        Assert.Equal(6, answers.Length);
        Assert.All(answers, a => Assert.Contains(" 403 ", a, StringComparison.Ordinal));
        Assert.All(answers, a => Assert.DoesNotContain("vehicle", a, StringComparison.Ordinal));
        Assert.DoesNotContain(new FieldAuditStore(_host.Store).Labels.Of(_host.Frame.Id), l => l.Evaluator == LabellingHost.Provider);
    }

    private static FieldLabel Mine(LabelStore store, string item) => store.Of(item).Single(l => l.Evaluator == LabellingHost.EvaluatorA);

    /// <summary>The centre of box <paramref name="index"/> on screen.</summary>
    internal static async Task<(float X, float Y)> BoxCentreAsync(IPage page, int index)
    {
        var box = (await page.Locator($"#box-layer g.box[data-index='{index}'] rect").BoundingBoxAsync())!;
        return (box.X + (box.Width / 2), box.Y + (box.Height / 2));
    }

    internal static async Task ClickBoxAsync(IPage page, int index)
    {
        var (x, y) = await BoxCentreAsync(page, index);
        await page.Mouse.ClickAsync(x, y);
        await Expect(page.Locator($"#box-layer g.box[data-index='{index}']")).ToHaveClassAsync("box selected");
    }

    /// <summary>Draws a box from <paramref name="from"/> to <paramref name="to"/>, given in the 320-pixel frame's own pixels.</summary>
    internal static async Task DrawAsync(IPage page, (int X, int Y) from, (int X, int Y) to, int steps = 12)
    {
        var frame = (await page.Locator("#box-layer").BoundingBoxAsync())!;
        var scale = frame.Width / 320f;
        await DragAsync(page, (frame.X + (from.X * scale), frame.Y + (from.Y * scale)), (frame.X + (to.X * scale), frame.Y + (to.Y * scale)), steps);
    }

    /// <summary>Presses at <paramref name="from"/> and releases at <paramref name="to"/> (screen pixels), moving in steps as a hand does.</summary>
    internal static async Task DragAsync(IPage page, (float X, float Y) from, (float X, float Y) to, int steps = 12)
    {
        await page.Mouse.MoveAsync(from.X, from.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(to.X, to.Y, new() { Steps = steps });
        await page.Mouse.UpAsync();
    }
}
