using GzAiEdge.Cloud.Tests.Support;
using GzAiEdge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GzAiEdge.Dashboard.Tests;

/// <summary>Signing in to the dashboard in a real browser: local accounts and the city's single sign-on through a real provider.</summary>
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class SignInTests : IClassFixture<SignInHost>, IClassFixture<BrowserSession>
{
    private readonly SignInHost _host;
    private readonly BrowserSession _browser;

    public SignInTests(SignInHost host, BrowserSession browser)
    {
        (_host, _browser) = (host, browser);
        SetDefaultExpectTimeout(20_000);
    }

    [Fact]
    public async Task A_local_account_signs_in_after_a_generic_refusal_of_a_wrong_password_and_signs_out()
    {
        var (page, errors) = await _browser.NewPageAsync(_host.Api);
        await page.GotoAsync("/#/alerts");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\.html#/alerts$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("登录 GzAiEdge");
        await page.FillAsync("#username", SignInHost.LocalProvider);
        await page.FillAsync("#password", "not the password");
        await page.ClickAsync("#signin-submit");
        await Expect(page.Locator("#signin-error")).ToHaveTextAsync("登录失败：用户名或密码错误，或账号暂被锁定");
        await page.ClickAsync("#lang");
        await Expect(page.Locator("#signin-submit")).ToHaveTextAsync("Sign in");
        await BrowserSession.ScreenshotAsync(page, "signin-refused-en");

        await page.FillAsync("#username", SignInHost.LocalProvider);
        await page.FillAsync("#password", CloudAccounts.Password);
        await page.ClickAsync("#signin-submit");
        await Expect(page.Locator("#user-name")).ToHaveTextAsync($"{SignInHost.LocalProvider} (provider)");
        await Expect(page.Locator("#nav-alerts")).ToHaveClassAsync("active");
        await Expect(page.Locator("#nav-audit")).ToBeHiddenAsync();

        await page.ClickAsync("#signout");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\.html$"));
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\.html$"));
        Assert.DoesNotContain(errors, e => !e.Contains("401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Single_sign_on_through_a_real_OpenID_Connect_provider_maps_the_claims_to_a_provider_scoped_to_their_scenario()
    {
        var (page, errors) = await _browser.NewPageAsync(_host.Api);
        await page.GotoAsync("/signin.html");
        var sso = page.Locator("#sso");
        await Expect(sso).ToHaveTextAsync($"通过 {SignInHost.SsoName} 统一身份认证登录");
        await sso.ClickAsync();

        await OidcLoginAsync(page, SignInHost.SsoProvider);
        await Expect(page.Locator("#user-name")).ToHaveTextAsync($"{SignInHost.SsoProvider} (provider)");
        await Expect(page.Locator(".card")).ToHaveCountAsync(1);
        await Expect(page.Locator($".card[data-scenario='{SignInHost.ScenarioA}']")).ToHaveCountAsync(1);
        await BrowserSession.ScreenshotAsync(page, "sso-provider-overview");

        var users = await _host.Admin.GetStringAsync(new Uri("/api/v1/users", UriKind.Relative));
        Assert.Contains($"\"name\":\"{SignInHost.SsoProvider}\"", users, StringComparison.Ordinal);
        Assert.Contains("\"external\":true", users, StringComparison.Ordinal);
        // The provider's development pages ask for web fonts, which a machine without internet cannot fetch; nothing else may fail.
        Assert.DoesNotContain(errors, e => !e.Contains("fonts.googleapis.com", StringComparison.Ordinal) && !e.Contains("ERR_NAME_NOT_RESOLVED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_single_sign_on_account_whose_claims_give_no_role_is_turned_away_with_a_reason()
    {
        var (page, _) = await _browser.NewPageAsync(_host.Api);
        await page.GotoAsync("/signin.html");
        await page.ClickAsync("#sso");
        await OidcLoginAsync(page, SignInHost.SsoStranger);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\.html\\?error=oidc-refused"));
        await Expect(page.Locator("#signin-error")).ToHaveTextAsync("统一身份认证账号在 GzAiEdge 中没有角色或已停用");
        var log = await _host.Admin.GetStringAsync(new Uri("/api/v1/audit-log?action=signin.failed", UriKind.Relative));
        Assert.Contains("no role in GzAiEdge", log, StringComparison.Ordinal);
    }

    // oidc-provider's development pages: a login form (any password), then a consent form.
    private static async Task OidcLoginAsync(IPage page, string login)
    {
        await page.FillAsync("input[name=login]", login);
        await page.FillAsync("input[name=password]", "any password the development pages take");
        await page.ClickAsync("button[type=submit]");
        await page.Locator("button[type=submit]").ClickAsync();
    }
}
