using System.Net;
using GzAiEdge.Access.Accounts;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Cloud.Tests.Support;

namespace GzAiEdge.Cloud.Tests.Hosting;

/// <summary>/metrics: Prometheus text for admins (Prometheus scrapes with an admin's token), refused to everyone else.</summary>
public sealed class MetricsEndpointTests(InProcessCloud host) : IClassFixture<InProcessCloud>
{
    [Fact]
    public async Task An_admin_reads_the_prometheus_text_with_the_cloud_meters()
    {
        using var response = await host.Http.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE gz_live_streams gauge", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Evaluator)]
    [InlineData(Roles.SiteOperator)]
    [InlineData(Roles.Viewer)]
    public async Task Anyone_but_an_admin_is_refused(string role)
    {
        using var client = host.ClientAs(new AccountSpec($"metrics-{role}", [role], null, role == Roles.SiteOperator ? ["tianhe-01"] : []));
        using var anonymous = host.Client(null);

        using var refused = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var unauthenticated = await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task Only_get_reaches_it()
    {
        using var response = await host.Http.PostAsync(new Uri("/metrics", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
