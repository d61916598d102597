using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GzAiEdge.Access.Accounts;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Cloud.Tests.Support;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Testing;

namespace GzAiEdge.Cloud.Tests.Api;

/// <summary>
/// The labelling API over items put in the real field-audit store: the queue, an item with its input and the device's
/// outputs, labels stored with who and when, agreement between two evaluators against a hand computation, wrong labels
/// refused naming the field, and nobody but evaluators (and admins) reaching any of it.
/// </summary>
public sealed class FieldAuditsApiTests(AccessCloud host) : IClassFixture<AccessCloud>
{
    private static readonly string[] VitalsClasses = ["normal", "abnormal"];

    [Fact]
    public async Task Two_evaluators_label_detections_and_box_agreement_matches_a_hand_computation()
    {
        var scenario = AccessCloud.A.Scenario;
        var box = new AuditBox("car", 0.8, 40, 40, 120, 100);
        var items = new[]
        {
            FieldAuditSeeds.Detection(host.FieldAuditsPath, scenario, AccessCloud.A.Site, "cam-ft1", 1, [box]),
            FieldAuditSeeds.Detection(host.FieldAuditsPath, scenario, AccessCloud.A.Site, "cam-ft1", 2, []),
            FieldAuditSeeds.Detection(host.FieldAuditsPath, scenario, AccessCloud.A.Site, "cam-ft1", 3, [box]),
            FieldAuditSeeds.Detection(host.FieldAuditsPath, scenario, AccessCloud.A.Site, "cam-ft1", 4, [box]),
        };
        using var first = host.Client(host.Tokens[Roles.Evaluator]);
        using var second = host.ClientAs(new AccountSpec("eva-two", [Roles.Evaluator], null, []));

        var queue = await first.GetJsonAsync($"/api/v1/field-audits/queue?scenario={scenario}");
        Assert.Equal(4, queue.GetProperty("received").GetInt32());
        Assert.Equal([.. items.Select(i => i.Id).Order()], queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).Order().ToArray());
        Assert.All(queue.GetProperty("items").EnumerateArray(), i => Assert.Equal("boxes", i.GetProperty("labelKind").GetString()));

        var same = new { @class = "car", x1 = 40, y1 = 40, x2 = 120, y2 = 100 };
        var moved = new { @class = "car", x1 = 100, y1 = 40, x2 = 180, y2 = 100 }; // IoU 20/140 with the first: not the same object
        object[][] firstBoxes = [[same], [], [same], [same]];
        object[][] secondBoxes = [[same], [], [moved], [same]];
        for (var i = 0; i < items.Length; i++)
        {
            await PutAsync(first, items[i].Id, new { boxes = firstBoxes[i] });
            await PutAsync(second, items[i].Id, new { boxes = secondBoxes[i] });
        }

        var after = await first.GetJsonAsync($"/api/v1/field-audits/queue?scenario={scenario}");
        Assert.Equal(4, after.GetProperty("labelledByYou").GetInt32());
        Assert.Empty(after.GetProperty("items").EnumerateArray());

        var agreement = Assert.Single((await first.GetJsonAsync($"/api/v1/field-audits/agreement?scenario={scenario}")).EnumerateArray());
        Assert.Equal(PipelineNames.TrafficDetection, agreement.GetProperty("pipeline").GetString());
        Assert.Equal(4, agreement.GetProperty("doublyLabelled").GetInt32());
        // Shares matched per item: 1 (same box), 1 (both empty), 0 (no pair at IoU ≥ 0.5), 1; matched IoUs 1 and 1.
        Assert.Equal(0.75, agreement.GetProperty("boxAgreement").GetDouble(), 12);
        Assert.Equal(1.0, agreement.GetProperty("meanIou").GetDouble(), 12);

        var item = await first.GetJsonAsync($"/api/v1/field-audits/items/{items[2].Id}");
        var label = item.GetProperty("yourLabel");
        Assert.Equal("eva", label.GetProperty("evaluator").GetString());
        Assert.Equal(40, label.GetProperty("boxes")[0].GetProperty("x1").GetDouble());
        Assert.Equal(2, item.GetProperty("labels").GetInt32());
        Assert.Equal(120, item.GetProperty("outputs").GetProperty("boxes")[0].GetProperty("x2").GetDouble());

        using var input = await first.GetAsync(item.GetProperty("inputUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, input.StatusCode);
        Assert.Equal("image/png", input.Content.Headers.ContentType?.MediaType);
        Assert.True(Contracts.Evidence.Png.TryReadSize(await input.Content.ReadAsByteArrayAsync(), out var w, out var h) && w == 320 && h == 320);
    }

    [Fact]
    public async Task Class_agreement_is_cohens_kappa_of_a_hand_computation()
    {
        var scenario = AccessCloud.B.Scenario;
        var items = Enumerable.Range(1, 4).Select(seq => FieldAuditSeeds.Classification(host.FieldAuditsPath, scenario, AccessCloud.B.Site, "ward-ft1", seq,
            PipelineNames.VitalsClassification, VitalsClasses, seq % 2)).ToList();
        using var first = host.Client(host.Tokens[Roles.Admin]);
        using var second = host.Client(host.Tokens[Roles.Evaluator]);
        string[] one = ["normal", "abnormal", "abnormal", "normal"];
        string[] two = ["normal", "abnormal", "normal", "normal"];
        for (var i = 0; i < items.Count; i++)
        {
            await PutAsync(first, items[i].Id, new { @class = one[i] });
            await PutAsync(second, items[i].Id, new { @class = two[i], note = "second look" });
        }

        // pₒ = 3/4; pₑ = ½·¾ + ½·¼ = ½; κ = (¾ − ½) / (1 − ½) = ½.
        var agreement = Assert.Single((await first.GetJsonAsync($"/api/v1/field-audits/agreement?scenario={scenario}")).EnumerateArray());
        Assert.Equal(0.5, agreement.GetProperty("kappa").GetDouble(), 12);
        Assert.Equal(4, agreement.GetProperty("doublyLabelled").GetInt32());
    }

    [Fact]
    public async Task A_wrong_label_is_refused_naming_the_field_and_only_evaluators_reach_the_api()
    {
        var item = FieldAuditSeeds.Classification(host.FieldAuditsPath, AccessCloud.B.Scenario, AccessCloud.B.Site, "ward-ft2", 9,
            PipelineNames.VitalsClassification, VitalsClasses, 1);
        using var evaluator = host.Client(host.Tokens[Roles.Evaluator]);

        var (status, problem) = await PutRawAsync(evaluator, item.Id, new { @class = "sleepy" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("one of normal, abnormal", problem.GetProperty("errors").GetProperty("class")[0].GetString());
        (status, problem) = await PutRawAsync(evaluator, item.Id, new { anomaly = true });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("anomaly", out _));
        (status, _) = await PutRawAsync(evaluator, "fi-nothing", new { @class = "normal" });
        Assert.Equal(HttpStatusCode.NotFound, status);

        foreach (var role in new[] { Roles.Provider, Roles.SiteOperator, Roles.Viewer, Roles.Device, "provider-b" })
        {
            using var other = host.Client(host.Tokens[role]);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/field-audits/queue")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/field-audits/items/{item.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"/api/v1/field-audits/items/{item.Id}/label", new { @class = "normal" })).StatusCode);
        }

        var stored = await evaluator.GetJsonAsync($"/api/v1/field-audits/items/{item.Id}");
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("yourLabel").ValueKind);
    }

    private static async Task PutAsync(HttpClient http, string id, object label)
    {
        var (status, body) = await PutRawAsync(http, id, label);
        Assert.True(status == HttpStatusCode.OK, $"label of {id}: {(int)status} {body}");
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PutRawAsync(HttpClient http, string id, object label)
    {
        using var response = await http.PutAsJsonAsync($"/api/v1/field-audits/items/{id}/label", label);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
