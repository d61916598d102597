using System.Text.RegularExpressions;
using GzAiEdge.Cloud.Tests.Support;
using GzAiEdge.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace GzAiEdge.Cloud.Tests.Access;

/// <summary>docs/security.md's permission matrix is the host's endpoints with the policies they name: one row each, none more.</summary>
public sealed partial class SecurityDocTests(InProcessCloud host) : IClassFixture<InProcessCloud>
{
    [Fact]
    public void The_permission_matrix_lists_every_endpoint_with_the_policy_it_names()
    {
        var documented = File.ReadLines(RepoPaths.Combine("docs", "security.md")).Select(l => Row().Match(l)).Where(m => m.Success)
            .ToDictionary(m => $"{m.Groups[1].Value} {m.Groups[2].Value}", m => m.Groups[3].Value.Trim().Replace("\\|", "|", StringComparison.Ordinal));
        var actual = EndpointPolicyTests.Endpoints(host.Services).ToDictionary(e => e.Key, e =>
            e.Value.Metadata.GetMetadata<IAllowAnonymous>() is not null ? "anonymous" : string.Join(", ", e.Value.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy)));
        var problems = actual.Where(e => !documented.TryGetValue(e.Key, out var policy) || policy != e.Value)
            .Select(e => documented.TryGetValue(e.Key, out var policy)
                ? $"{e.Key}: docs/security.md says {policy}, the endpoint names {e.Value}"
                : $"{e.Key} ({e.Value}) has no row in docs/security.md's permission matrix")
            .Concat(documented.Keys.Except(actual.Keys).Select(k => $"docs/security.md lists {k}, which the host does not map"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [GeneratedRegex(@"^\| `(GET|POST|PUT|DELETE|PATCH) ([^`]+)` \| ([^|\\]+(?:\\\|[^|\\]+)*) \|")]
    private static partial Regex Row();
}
