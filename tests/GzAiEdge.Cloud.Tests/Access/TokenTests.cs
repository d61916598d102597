using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Access.Accounts;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Access.Store;
using GzAiEdge.Access.Tokens;
using GzAiEdge.Cloud.Tests.Support;
using GzAiEdge.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GzAiEdge.Cloud.Tests.Access;

/// <summary>Personal tokens: made from a session, used as Bearer, revoked at once; expired and garbled ones get 401 problem details.</summary>
public sealed class TokenTests(InProcessCloud host) : IClassFixture<InProcessCloud>
{
    [Fact]
    public async Task A_token_made_in_a_session_works_until_it_is_revoked_and_fails_on_the_very_next_request()
    {
        CloudAccounts.Add(host.Folder, new AccountSpec("tokenmaker", [Roles.Viewer], null, []));
        using var session = await SessionAsync("tokenmaker");
        using var made = await session.Http.PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative), new { name = "wall display", days = 7 });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var created = await made.Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        var id = created.GetProperty("token").GetProperty("id").GetString()!;
        Assert.StartsWith(TokenFormat.PersonalPrefix, secret, StringComparison.Ordinal);

        using var bearer = host.Client(secret);
        Assert.Equal("tokenmaker", (await bearer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me", UriKind.Relative))).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative), new { name = "successor" })).StatusCode);
        var listed = await session.Http.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/tokens", UriKind.Relative));
        Assert.DoesNotContain(secret, listed.GetRawText(), StringComparison.Ordinal);

        using var revoke = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/v1/tokens/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, (await session.Http.SendAsync(revoke)).StatusCode);

        var (status, problem) = await ProblemAsync(bearer, "/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expired", "expired at")]
    [InlineData("gzp_not-a-token", "garbled")]
    [InlineData("gzp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not known")]
    [InlineData("gzd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "device token is not known")]
    [InlineData("Zm9vOmJhcg==", "garbled")]
    public async Task An_expired_garbled_or_unknown_token_gets_401_with_problem_details(string token, string says)
    {
        if (token == "expired")
        {
            token = await ExpiredTokenAsync();
        }

        using var http = host.Client(token);
        var (status, problem) = await ProblemAsync(http, "/api/v1/scenarios");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Not signed in", problem.GetProperty("title").GetString());
        Assert.Contains(says, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_account_s_token_stops_working()
    {
        var token = CloudAccounts.Add(host.Folder, new AccountSpec("soon-disabled", [Roles.Viewer], null, []));
        using var http = host.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        using var disable = await host.Http.PostAsync(new Uri("/api/v1/users/soon-disabled/disable", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    private async Task<string> ExpiredTokenAsync()
    {
        CloudAccounts.Add(host.Folder, new AccountSpec($"expiring-{Guid.NewGuid():N}"[..20], [Roles.Viewer], null, []));
        using var services = AccessStore.OpenOffline(CloudAccounts.Store(host.Folder), CloudAccounts.AuditLog(host.Folder));
        using var scope = services.CreateScope();
        var user = scope.ServiceProvider.GetRequiredService<UserManager<GzUser>>().Users.First(u => u.UserName!.StartsWith("expiring-"));
        return (await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(user, "short", TimeSpan.FromSeconds(-1), CancellationToken.None)).Secret;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Problem)> ProblemAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<Session> SessionAsync(string user)
    {
        var http = host.Client(null);
        var csrf = (await http.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/auth/session", UriKind.Relative))).GetProperty("csrf").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/auth/signin", UriKind.Relative))
        {
            Content = JsonContent.Create(new { userName = user, password = CloudAccounts.Password }),
        };
        request.Headers.Add("X-CSRF-TOKEN", csrf);
        using var signedIn = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        // The anti-forgery token is bound to the signed-in identity: take the session's new one.
        csrf = (await http.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/auth/session", UriKind.Relative))).GetProperty("csrf").GetString()!;
        http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", csrf);
        return new Session(http, csrf);
    }

    private sealed record Session(HttpClient Http, string Csrf) : IDisposable
    {
        public void Dispose() => Http.Dispose();
    }
}
