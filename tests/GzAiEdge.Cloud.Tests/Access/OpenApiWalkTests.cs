using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Cloud.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace GzAiEdge.Cloud.Tests.Access;

/// <summary>
/// A walk over every operation of the OpenAPI document: unauthenticated → 401, a role the policy does not admit → 403,
/// another provider's object → 404 exactly like an object that does not exist. Every answer is a problem document
/// without a stack trace. Which roles may call is read from the endpoint's own policy, so a new endpoint is walked
/// as soon as it is mapped.
/// </summary>
public sealed partial class OpenApiWalkTests(AccessCloud host) : IClassFixture<AccessCloud>
{
    private static readonly string[] Callers = [Roles.Admin, Roles.Evaluator, Roles.SiteOperator, Roles.Provider, Roles.Viewer, Roles.Device];

    // Published leaderboards are for everyone who may read them; nothing in their path belongs to a provider.
    private static readonly string[] Unscoped = ["/api/v1/evaluation/leaderboards/{id}"];

    [Fact]
    public async Task Every_operation_refuses_strangers_wrong_roles_and_other_providers_objects()
    {
        var operations = await OperationsAsync();
        var endpoints = EndpointPolicyTests.Endpoints(host.Services);
        Assert.True(operations.Count > 30, $"the OpenAPI document lists only {operations.Count} operations");
        var failures = new List<string>();
        var compared = 0;
        foreach (var (method, path) in operations)
        {
            var key = $"{method} {path}";
            Assert.True(endpoints.TryGetValue(key, out var endpoint), $"{key} is in the OpenAPI document but no endpoint has that route");
            if (EndpointPolicyTests.Anonymous.Contains(key))
            {
                continue;
            }

            var roles = endpoint!.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => Policies.RolesOf(a.Policy!)!).Aggregate((a, b) => [.. a.Intersect(b)]);
            var own = Url(path, Values.Own);
            await ExpectAsync(failures, key, "nobody", await SendAsync(method, own, null), HttpStatusCode.Unauthorized, "Not signed in");
            foreach (var caller in Callers)
            {
                var answer = await SendAsync(method, own, host.Tokens[caller]);
                if (!roles.Contains(caller))
                {
                    await ExpectAsync(failures, key, caller, answer, HttpStatusCode.Forbidden, "Not allowed");
                }
                else if (answer.Status is HttpStatusCode.Unauthorized || (answer.Status == HttpStatusCode.Forbidden && answer.Title == "Not allowed")
                    || ((int)answer.Status >= 500 && answer.Status != HttpStatusCode.ServiceUnavailable))
                {
                    failures.Add($"{key} as {caller} (allowed): {(int)answer.Status} {answer.Body}");
                }

                NoStackTrace(failures, key, caller, answer);
            }

            if (path.Contains('{', StringComparison.Ordinal) && !Unscoped.Contains(path))
            {
                foreach (var caller in new[] { Roles.Provider, Roles.SiteOperator, Roles.Device }.Where(roles.Contains))
                {
                    await CompareWithMissingAsync(failures, key, caller, method, path);
                    compared++;
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(compared >= 15, $"only {compared} operations were checked with another provider's objects");
    }

    // Another provider's (or another site's) object must answer exactly as one that does not exist.
    private async Task CompareWithMissingAsync(List<string> failures, string key, string caller, string method, string path)
    {
        var other = await SendAsync(method, Url(path, Values.Other), host.Tokens[caller]);
        var missing = await SendAsync(method, Url(path, Values.Missing), host.Tokens[caller]);
        if (other.Status != HttpStatusCode.NotFound || missing.Status != HttpStatusCode.NotFound)
        {
            failures.Add($"{key} as {caller}: another's object answered {(int)other.Status} {other.Body}, a missing one {(int)missing.Status} {missing.Body}; both must be 404");
        }
        else if (other.Title != missing.Title || Anonymise(other.Detail, Values.Other) != Anonymise(missing.Detail, Values.Missing))
        {
            failures.Add($"{key} as {caller}: another's object answers differently from a missing one (a hint that it exists): '{other.Title}: {other.Detail}' vs '{missing.Title}: {missing.Detail}'");
        }
    }

    private static async Task ExpectAsync(List<string> failures, string key, string caller, Answer answer, HttpStatusCode status, string title)
    {
        if (answer.Status != status || answer.Title != title || !answer.IsProblem)
        {
            failures.Add($"{key} as {caller}: expected {(int)status} '{title}' problem details, got {(int)answer.Status} {answer.ContentType} {answer.Body}");
        }

        NoStackTrace(failures, key, caller, answer);
        await Task.CompletedTask;
    }

    private static void NoStackTrace(List<string> failures, string key, string caller, Answer answer)
    {
        if (answer.Body.Contains("   at ", StringComparison.Ordinal) || answer.Body.Contains("Exception", StringComparison.Ordinal))
        {
            failures.Add($"{key} as {caller}: the answer shows an exception: {answer.Body}");
        }
    }

    private string Url(string path, Values which) => ParameterPattern().Replace(path, m => Value(path, m.Groups[1].Value, which));

    private string Value(string path, string parameter, Values which)
    {
        var party = which == Values.Other ? AccessCloud.B : AccessCloud.A;
        var missing = which == Values.Missing;
        return parameter switch
        {
            "site" => missing ? "no-site" : party.Site,
            "device" => missing ? "no-device" : party.Device,
            "name" when path.StartsWith("/api/v1/models", StringComparison.Ordinal) => missing ? "no-model" : party.Model,
            "name" => "nobody",
            "version" => "1.0",
            "id" when path.StartsWith("/api/v1/alerts", StringComparison.Ordinal) => missing ? "999999" : (which == Values.Other ? host.AlertOfB : host.AlertOfA).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "id" when path.StartsWith("/api/v1/tokens", StringComparison.Ordinal) => which == Values.Other ? host.TokenOfB : "000000000000",
            "id" when path.Contains("/scenarios/", StringComparison.Ordinal) => missing ? "no-scenario" : party.Scenario,
            "id" => missing ? "999998" : "1",
            "item" => "fi-none",
            _ => throw new InvalidOperationException($"the walk has no value for {{{parameter}}} in {path}: add one here"),
        };
    }

    private static string Anonymise(string? detail, Values which) => Regex.Replace(which == Values.Other
        ? (detail ?? string.Empty).Replace(AccessCloud.B.Site, "S").Replace(AccessCloud.B.Device, "D").Replace(AccessCloud.B.Scenario, "C").Replace(AccessCloud.B.Model, "M")
        : (detail ?? string.Empty).Replace("no-site", "S").Replace("no-device", "D").Replace("no-scenario", "C").Replace("no-model", "M"), "[0-9a-f]{12}|[0-9]+", "N");

    private async Task<List<(string Method, string Path)>> OperationsAsync()
    {
        using var document = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        return
        [
            .. document.RootElement.GetProperty("paths").EnumerateObject()
                .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch")
                    .Select(o => (o.Name.ToUpperInvariant(), EndpointPolicyTests.Path(p.Name)))),
        ];
    }

    private async Task<Answer> SendAsync(string method, string url, string? token)
    {
        using var http = host.Client(token);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        // The live stream never ends: its headers are the answer.
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var type = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        var body = type == "text/event-stream" ? string.Empty : await response.Content.ReadAsStringAsync();
        string? title = null, detail = null;
        if (type == "application/problem+json")
        {
            using var problem = JsonDocument.Parse(body);
            title = problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
        }

        return new Answer(response.StatusCode, type, body, title, detail);
    }

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex ParameterPattern();

    private enum Values
    {
        Own,
        Other,
        Missing,
    }

    private sealed record Answer(HttpStatusCode Status, string ContentType, string Body, string? Title, string? Detail)
    {
        public bool IsProblem => ContentType == "application/problem+json";
    }
}
