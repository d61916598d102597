using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Access.Accounts;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Cloud.Tests.Support;
using GzAiEdge.Testing;

namespace GzAiEdge.Cloud.Tests.Access;

/// <summary>Wrong passwords get one generic answer, are counted and lock the account; every attempt is in the audit log.</summary>
public sealed class SignInTests(InProcessCloud host) : IClassFixture<InProcessCloud>
{
    [Fact]
    public async Task Wrong_passwords_get_a_generic_error_are_counted_and_lock_the_account_after_five()
    {
        CloudAccounts.Add(host.Folder, new AccountSpec("locky", [Roles.Viewer], null, []));
        var unknown = await SignInAsync("nobody-at-all", "whatever it is");
        var first = await SignInAsync("locky", "not the password");
        Assert.Equal(HttpStatusCode.Unauthorized, first.Status);
        Assert.Equal("Sign-in failed", first.Title);
        Assert.Equal((unknown.Status, unknown.Title, unknown.Detail), (first.Status, first.Title, first.Detail));
        Assert.Equal(1, await FailedCountAsync("locky"));

        for (var i = 2; i <= 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync("locky", $"wrong {i}")).Status);
        }

        var locked = await SignInAsync("locky", CloudAccounts.Password);
        Assert.Equal((first.Status, first.Title, first.Detail), (locked.Status, locked.Title, locked.Detail));
        var users = await host.GetAsync("/api/v1/users");
        var locky = users.EnumerateArray().Single(u => u.GetProperty("name").GetString() == "locky");
        Assert.NotEqual(JsonValueKind.Null, locky.GetProperty("lockedUntil").ValueKind);

        var log = await host.GetAsync("/api/v1/audit-log?action=signin.failed&limit=100");
        var reasons = log.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("record").GetProperty("target").GetString() == "locky")
            .Select(e => e.GetProperty("record").GetProperty("details").GetString()).ToList();
        Assert.Contains("wrong password (1 in a row)", reasons);
        Assert.Contains("locked out", reasons);
        Assert.All(new[] { unknown, first, locked }, a => Assert.DoesNotContain("   at ", a.Body, StringComparison.Ordinal));

        using var enable = await host.Http.PostAsync(new Uri("/api/v1/users/locky/enable", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync("locky", CloudAccounts.Password)).Status);
    }

    [Fact]
    public async Task A_sign_in_without_the_anti_forgery_token_is_refused()
    {
        CloudAccounts.Add(host.Folder, new AccountSpec("no-csrf", [Roles.Viewer], null, []));
        using var http = host.Client(null);
        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/auth/signin", UriKind.Relative), new { userName = "no-csrf", password = CloudAccounts.Password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-CSRF-TOKEN", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<int> FailedCountAsync(string name) =>
        (await host.GetAsync("/api/v1/users")).EnumerateArray().Single(u => u.GetProperty("name").GetString() == name).GetProperty("failedSignIns").GetInt32();

    private async Task<Answer> SignInAsync(string user, string password)
    {
        using var http = host.Client(null);
        var csrf = (await http.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/auth/session", UriKind.Relative))).GetProperty("csrf").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/auth/signin", UriKind.Relative))
        {
            Content = JsonContent.Create(new { userName = user, password }),
        };
        request.Headers.Add("X-CSRF-TOKEN", csrf);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            return new Answer(response.StatusCode, null, null, body);
        }

        using var problem = JsonDocument.Parse(body);
        return new Answer(response.StatusCode, problem.RootElement.GetProperty("title").GetString(), problem.RootElement.GetProperty("detail").GetString(), body);
    }

    private sealed record Answer(HttpStatusCode Status, string? Title, string? Detail, string Body);
}
