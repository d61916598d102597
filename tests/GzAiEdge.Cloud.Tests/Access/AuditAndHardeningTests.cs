using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GzAiEdge.Cloud.Api;
using GzAiEdge.Cloud.Tests.Support;
using GzAiEdge.Ingestion.DeadLetters;

namespace GzAiEdge.Cloud.Tests.Access;

/// <summary>What the API records and refuses whoever calls: the audit trail of changes, security headers, host names, body size, period span.</summary>
public sealed class AuditAndHardeningTests(InProcessCloud host) : IClassFixture<InProcessCloud>
{
    [Fact]
    public async Task A_command_is_recorded_with_who_what_and_from_where_and_the_chain_verifies()
    {
        using var sent = await host.Http.PostAsJsonAsync(new Uri("/api/v1/devices/yuexiu-03/audit-01/commands", UriKind.Relative), new { type = "pipeline.restart" });
        var log = await host.GetAsync("/api/v1/audit-log?action=command.send");
        var entry = log.GetProperty("items").EnumerateArray().First(e => e.GetProperty("record").GetProperty("target").GetString() == "yuexiu-03/audit-01");
        var record = entry.GetProperty("record");
        Assert.Equal("test-admin", record.GetProperty("actor").GetString());
        Assert.Equal("token", record.GetProperty("actorKind").GetString());
        Assert.False(string.IsNullOrEmpty(record.GetProperty("from").GetString()));
        Assert.StartsWith("pipeline.restart", record.GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.Equal(64, entry.GetProperty("hash").GetString()!.Length);
        var chain = await host.GetAsync("/api/v1/audit-log/verify");
        Assert.True(chain.GetProperty("intact").GetBoolean(), chain.GetRawText());
    }

    [Fact]
    public async Task Every_answer_carries_a_content_security_policy_that_allows_only_this_origin_and_no_framing()
    {
        using var anonymous = host.Client(null);
        foreach (var path in new[] { "/signin.html", "/api/v1/scenarios", "/health" })
        {
            using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        // The client follows the redirect: it lands on the sign-in page, not the dashboard.
        using var dashboard = await anonymous.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("/signin.html", dashboard.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("signin-form", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_is_rate_limited_per_client_address_with_a_429_problem()
    {
        using var http = host.Client(null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await http.PostAsJsonAsync(new Uri("/api/v1/auth/signin", UriKind.Relative), new { userName = "nobody", password = "x" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        // Access:SignInsPerMinute is 10: the first ten are answered (400: no anti-forgery token), the rest are not.
        Assert.Equal(10, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses[10..]);
    }

    [Fact]
    public async Task A_host_name_not_allowed_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health", UriKind.Relative));
        request.Headers.Host = "rebound.attacker.example";
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_and_a_period_over_the_span_is_a_400_naming_the_setting()
    {
        var big = new StringContent($"{{\"type\":\"config.set\",\"arguments\":{{\"a\":\"{new string('x', 1_100_000)}\"}}}}", Encoding.UTF8, "application/json");
        using var tooBig = await host.Http.PostAsync(new Uri("/api/v1/devices/s-1/d-1/commands", UriKind.Relative), big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);

        using var tooLong = await host.Http.GetAsync(new Uri("/api/v1/evaluation/leaderboard?from=2020-01-01&to=2026-01-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Evaluation:MaxPeriodDays", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var verify = await host.Http.GetAsync(new Uri("/api/v1/verification/s-1/d-1?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, verify.StatusCode);
    }

    [Fact]
    public async Task Dead_letter_lists_truncate_payloads_and_only_an_admin_reads_a_whole_one()
    {
        using (var store = new SqliteDeadLetterStore(host.Folder.File("dead-letters.db")))
        {
            await store.AddAsync(new DeadLetter(0, DateTimeOffset.UtcNow, "gz/v1/tianhe-01/big-01/kpi", "too big", Encoding.UTF8.GetBytes(new string('y', 5000))), CancellationToken.None);
        }

        var page = await host.GetAsync("/api/v1/dead-letters?limit=1000");
        var letter = page.GetProperty("items").EnumerateArray().Last(l => l.GetProperty("topic").GetString() == "gz/v1/tianhe-01/big-01/kpi");
        Assert.Equal(DeadLetterApi.PreviewChars, letter.GetProperty("payload").GetString()!.Length);
        Assert.True(letter.GetProperty("truncated").GetBoolean());
        Assert.Equal(5000, letter.GetProperty("payloadLength").GetInt64());
        var whole = await host.GetAsync($"/api/v1/dead-letters/{letter.GetProperty("id").GetInt64()}");
        Assert.Equal(5000, whole.GetProperty("payload").GetString()!.Length);

        using var evaluator = host.ClientAs(new GzAiEdge.Access.Accounts.AccountSpec("dl-evaluator", ["evaluator"], null, []));
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync(new Uri("/api/v1/dead-letters", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync(new Uri($"/api/v1/dead-letters/{letter.GetProperty("id").GetInt64()}", UriKind.Relative))).StatusCode);
    }
}
