using System.Net;
using System.Text.Json;
using GzAiEdge.Cloud.Tests.Support;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.Cloud.Tests.Api;

/// <summary>Scenarios, paging, validation and problem details, against the cloud host in-process.</summary>
public sealed class CatalogueApiTests(InProcessCloud host) : IClassFixture<InProcessCloud>
{
    [Fact]
    public async Task Scenarios_list_the_catalogue_by_page_and_sector()
    {
        // The shipped catalogue is the 100-scenario sample programme.
        var all = await host.GetAsync("/api/v1/scenarios");
        Assert.Equal(100, all.GetProperty("total").GetInt64());
        var medical = all.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "med-yuexiu-vitals");
        Assert.Equal("越秀病房生命体征监测", medical.GetProperty("nameZh").GetString());
        Assert.Equal("medical", medical.GetProperty("sector").GetString());
        Assert.Equal("vital-signs-monitoring", medical.GetProperty("type").GetString());

        var page = await host.GetAsync("/api/v1/scenarios?offset=1&limit=1");
        Assert.Equal(100, page.GetProperty("total").GetInt64());
        Assert.Equal(all.GetProperty("items")[1].GetProperty("id").GetString(), Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());

        var traffic = await host.GetAsync("/api/v1/scenarios?sector=traffic&limit=1000");
        var trafficItems = traffic.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains("traffic-tianhe-flow", trafficItems.Select(s => s.GetProperty("id").GetString()));
        Assert.All(trafficItems, s => Assert.Equal("traffic", s.GetProperty("sector").GetString()));
    }

    [Fact]
    public async Task A_scenario_carries_the_threshold_and_target_lines_of_its_type()
    {
        var detail = await host.GetAsync("/api/v1/scenarios/med-yuexiu-vitals");
        var line = Assert.Single(detail.GetProperty("kpis").EnumerateArray());
        Assert.Equal("spo2_mean", line.GetProperty("kpi").GetString());
        Assert.Equal("below", line.GetProperty("direction").GetString());
        Assert.Equal(92, line.GetProperty("threshold").GetDouble());
        Assert.Equal(97, line.GetProperty("target").GetDouble());
    }

    [Fact]
    public async Task The_KPI_catalogue_gives_every_key_its_unit_labels_and_kind()
    {
        var catalogue = (await host.GetAsync("/api/v1/kpis/catalogue")).EnumerateArray().ToList();

        Assert.Equal(KpiCatalogue.All.Select(k => k.Key), catalogue.Select(k => k.GetProperty("key").GetString()));
        var spo2 = catalogue.Single(k => k.GetProperty("key").GetString() == "spo2_mean");
        Assert.Equal(("%", "平均血氧", "Mean SpO2", "monitoring"), (spo2.GetProperty("unit").GetString(), spo2.GetProperty("labelZh").GetString(),
            spo2.GetProperty("labelEn").GetString(), spo2.GetProperty("kind").GetString()));
        var precision = catalogue.Single(k => k.GetProperty("key").GetString() == "detection_precision");
        Assert.Equal("diagnostic", precision.GetProperty("kind").GetString());
        Assert.StartsWith("labelled replay only", precision.GetProperty("meaning").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/scenarios?sector=rail", "sector", "'rail' is not one of traffic, manufacturing, medical, city, energy")]
    [InlineData("/api/v1/scenarios?limit=0", "limit", "limit must be within 1..1000 (was 0)")]
    [InlineData("/api/v1/devices?offset=-1&state=asleep", "state", "state 'asleep' is not one of online, offline, unknown")]
    [InlineData("/api/v1/alerts?site=Bad%20Site", "site", "site 'Bad Site' must start with a-z or 0-9")]
    [InlineData("/api/v1/kpis/series?kpis=spo2_mean", "scenario", "scenario is required")]
    [InlineData("/api/v1/kpis/series?scenario=med-yuexiu-vitals&kpis=SpO2", "kpis", "'SpO2' is not a KPI key")]
    [InlineData("/api/v1/kpis/series?scenario=med-yuexiu-vitals&kpis=spo2_mean&from=yesterday", "from", "'yesterday' is not an ISO 8601 time")]
    [InlineData("/api/v1/kpis/series?scenario=med-yuexiu-vitals&kpis=spo2_mean&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from", "from must be before to")]
    [InlineData("/api/v1/live?scenario=..", "scenario", "scenario '..' must start with a-z or 0-9")]
    public async Task Bad_parameters_are_a_400_problem_naming_each_parameter(string path, string parameter, string message)
    {
        using var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.Contains(message, string.Join(" | ", errors.GetProperty(parameter).EnumerateArray().Select(e => e.GetString())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_is_a_400_problem_naming_the_parameter()
    {
        using var response = await host.Http.GetAsync(new Uri("/api/v1/scenarios?limit=ten", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("limit", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/v1/scenarios/no-such-scenario", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/devices/nowhere/nothing", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/sites/nowhere", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/v1/alerts/987654/acknowledge", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/no-such-area", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/v1/scenarios", HttpStatusCode.MethodNotAllowed)]
    public async Task Every_error_is_a_problem_document(string method, string path, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_area()
    {
        var document = await host.GetAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name.TrimEnd('/')).ToList();

        foreach (var path in new[]
        {
            "/api/v1/sites", "/api/v1/devices", "/api/v1/devices/{site}/{device}", "/api/v1/scenarios", "/api/v1/scenarios/{id}",
            "/api/v1/kpis/series", "/api/v1/kpis/latest", "/api/v1/kpis/catalogue", "/api/v1/alerts", "/api/v1/alerts/{id}/acknowledge", "/api/v1/live",
        })
        {
            Assert.Contains(path, paths);
        }
    }
}
