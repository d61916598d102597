using GzAiEdge.Testing;
using Microsoft.Playwright;

namespace GzAiEdge.Dashboard.Tests;

/// <summary>
/// Debian's chromium driven by Playwright's bundled driver (no browser download: the executable
/// is given). Collects console errors and page errors, and saves screenshots under the test output.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    private static readonly string[] Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        TestCategory.EnsureServersAllowed("Chromium");
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium (./gz setup does it)");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Args = Args, Headless = true });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>A fresh page (own storage, so the language starts as the default) that records every console error.</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync(Uri baseUrl, int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = baseUrl.ToString(), ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"page error: {error}");
        page.RequestFailed += (_, request) =>
        {
            // A live stream closed by navigation is not a failure of the page.
            if (!request.Url.Contains("/api/v1/live", StringComparison.Ordinal))
            {
                errors.Add($"request failed: {request.Url} {request.Failure}");
            }
        };
        return (page, errors);
    }

    /// <summary>A fresh page signed in through the sign-in page (as the seeded admin unless told otherwise), showing the overview.</summary>
    public async Task<(IPage Page, List<string> Errors)> SignedInPageAsync(Uri baseUrl, string user = CloudAccounts.Admin, string password = CloudAccounts.Password,
        int width = 1366, int height = 900)
    {
        var (page, errors) = await NewPageAsync(baseUrl, width, height);
        await SignInAsync(page, user, password);
        return (page, errors);
    }

    /// <summary>Signs in on the sign-in page and waits for the dashboard to show who is signed in.</summary>
    public static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/signin.html");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#signin-submit");
        await Assertions.Expect(page.Locator("#user-name")).ToContainTextAsync(user);
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
