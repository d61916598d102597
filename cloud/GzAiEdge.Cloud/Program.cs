using GzAiEdge.Access;
using GzAiEdge.Access.Api;
using GzAiEdge.Access.Authorization;
using GzAiEdge.AuditLog;
using GzAiEdge.Audits;
using GzAiEdge.Cloud.Api;
using GzAiEdge.Cloud.Catalogue;
using GzAiEdge.Cloud.Dashboard;
using GzAiEdge.Cloud.Hosting;
using GzAiEdge.DeviceManagement.Commands;
using GzAiEdge.DeviceManagement.Models;
using GzAiEdge.Evaluation;
using GzAiEdge.Evaluation.Verification;
using GzAiEdge.FieldAudits;
using GzAiEdge.Ingestion;
using GzAiEdge.Ingestion.DeadLetters;
using GzAiEdge.Monitoring.Alerts;
using GzAiEdge.Monitoring.Live;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;

WebApplication app;
try
{
    // appsettings.json ships beside the binary; the working directory is the operator's (paths in
    // the config, like the catalogue, stay relative to it).
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddScenarioCatalogue();
    builder.AddTimeSeries();
    builder.AddRetention();
    builder.AddDeadLetters();
    builder.AddIngestion();
    builder.AddLiveFeed();
    builder.AddAlerts();
    builder.AddEvaluation();
    builder.AddEvidenceIndexing();
    builder.AddVerification();
    builder.AddModelRepository();
    builder.AddDeviceCommands();
    builder.AddAudits();
    builder.AddFieldAudits();
    builder.AddAuditLog();
    builder.AddAccess();
    builder.AddApiHardening();
    builder.AddApiConventions();
    builder.AddCloudMetrics();
    builder.AddSystemdNotify();
    app = builder.Build();
    app.Services.ValidateCloudConfiguration();
}
catch (Exception ex) when (ex is OptionsValidationException or CatalogueException)
{
    // A config mistake is for the operator to fix: say what and where, without a stack trace.
    var lines = ex is OptionsValidationException invalid ? invalid.Failures : ex.Message.Split(Environment.NewLine);
    Console.Error.WriteLine("gz cloud: the configuration cannot be used:");
    foreach (var line in lines)
    {
        Console.Error.WriteLine($"  {line}");
    }

    return 2;
}

app.CheckHttpsCertificates();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseApiHardening();
app.UseAccess();
app.UseDashboard();
app.UseAuthorization();
app.UseRateLimiter();
app.MapGet("/health", () => TypedResults.Ok("ok")).AllowAnonymous();
app.MapOpenApi().RequireAuthorization(Policies.Viewer);
app.MapCloudMetrics();
app.MapAccessApi();
app.MapAuditLogApi();
app.MapSitesApi();
app.MapDevicesApi();
app.MapScenariosApi();
app.MapKpiApi();
app.MapKpiSeriesApi();
app.MapKpiCatalogueApi();
app.MapAlertsApi();
app.MapLiveApi();
app.MapIngestionApi();
app.MapDeadLetterApi();
app.MapEvaluationApi();
app.MapPublishedLeaderboardApi();
app.MapVerificationApi();
app.MapModelsApi();
app.MapCommandsApi();
app.MapTestSetsApi();
app.MapAuditsApi();
app.MapFieldAuditsApi();
app.MapFieldSamplingApi();
await app.RunAsync();
return 0;

/// <summary>The cloud host's entry point, public so that tests can host it in-process (WebApplicationFactory).</summary>
public partial class Program;
