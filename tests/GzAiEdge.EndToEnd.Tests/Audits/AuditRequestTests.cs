using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Audits.Runs;
using GzAiEdge.Contracts.Api;
using GzAiEdge.Testing;

namespace GzAiEdge.EndToEnd.Tests.Audits;

/// <summary>
/// Starting and reading audits through the API: a request the cloud cannot carry out is answered with a problem naming
/// what is wrong (and starts nothing); audits are listed per scenario, newest first; an unknown id is a 404.
/// </summary>
[Collection(AuditCollection.Name)]
[Trait(TestCategory.Key, TestCategory.Servers)]
public sealed class AuditRequestTests(AuditRig rig)
{
    [Fact]
    public async Task A_request_for_an_unknown_scenario_or_test_set_or_a_set_of_another_pipeline_names_the_problem()
    {
        var before = await ListAsync("audit-inspection");

        var (scenario, scenarioBody) = await PostAsync(new AuditRequest("audit-nowhere", "gz-inspection"));
        var (set, setBody) = await PostAsync(new AuditRequest("audit-inspection", "gz-nothing@9"));
        var (pipeline, pipelineBody) = await PostAsync(new AuditRequest("audit-inspection", "gz-traffic"));
        var (deadline, deadlineBody) = await PostAsync(new AuditRequest("audit-inspection", "gz-inspection", DeadlineMinutes: 0));

        Assert.Equal(HttpStatusCode.NotFound, scenario);
        Assert.Contains("has no scenario audit-nowhere", scenarioBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, set);
        Assert.Contains("the store has no test set gz-nothing", setBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, pipeline);
        Assert.Contains("is for traffic-detection; scenario audit-inspection runs visual-inspection", pipelineBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, deadline);
        Assert.Contains("deadlineMinutes must be 1 to", deadlineBody, StringComparison.Ordinal);
        Assert.All(new[] { scenarioBody, setBody, pipelineBody, deadlineBody }, b => Assert.DoesNotContain("   at ", b, StringComparison.Ordinal));
        Assert.Equal(before.Select(a => a.Id), (await ListAsync("audit-inspection")).Select(a => a.Id));
    }

    [Fact]
    public async Task Audits_are_listed_by_scenario_newest_first_and_an_unknown_id_is_not_found()
    {
        var first = await rig.StartAuditAsync("audit-vibration", "gz-vibration");
        var second = await rig.StartAuditAsync("audit-vibration", "gz-vibration");
        await rig.EndedAsync(second.Id, "motor-01");

        var listed = await ListAsync("audit-vibration");
        using var unknown = await rig.Http.GetAsync(new Uri($"api/v1/audits/{new string('f', 32)}", UriKind.Relative));
        using var inputs = await rig.Http.GetAsync(new Uri($"api/v1/audits/{new string('f', 32)}/inputs", UriKind.Relative));

        Assert.Equal([second.Id, first.Id], listed.Select(a => a.Id).Where(id => id == first.Id || id == second.Id));
        Assert.All(listed, a => Assert.Equal("audit-vibration", a.Scenario));
        Assert.DoesNotContain(await ListAsync("audit-traffic"), a => a.Id == first.Id || a.Id == second.Id);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, inputs.StatusCode);

        // Starting an audit is on record, with who started it and the audit it made.
        var log = await rig.Http.GetFromJsonAsync<JsonElement>(new Uri("api/v1/audit-log?action=audit.start", UriKind.Relative));
        var records = log.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("record")).ToList();
        Assert.Contains(records, r => r.GetProperty("details").GetString()!.StartsWith($"audit {first.Id} on gz-vibration", StringComparison.Ordinal)
            && r.GetProperty("target").GetString() == "audit-vibration" && r.GetProperty("actor").GetString() == CloudAccounts.Admin);
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(AuditRequest request)
    {
        using var response = await rig.Http.PostAsJsonAsync(new Uri("api/v1/audits", UriKind.Relative), request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<List<AuditView>> ListAsync(string scenario) =>
        (await rig.Http.GetFromJsonAsync<List<AuditView>>(new Uri($"api/v1/audits?scenario={scenario}&limit=100", UriKind.Relative), JsonSerializerOptions.Web))!;
}
