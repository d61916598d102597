using GzAiEdge.Cloud;
using GzAiEdge.Cloud.Api;
using GzAiEdge.Cloud.Evaluation;
using GzAiEdge.Scenarios.Catalogue;
using Microsoft.Extensions.Options;

WebApplication app;
try
{
    // appsettings.json ships beside the binary; the working directory is the operator's (paths in
    // the config, like the catalogue, stay relative to it).
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddTimeSeries();
    builder.AddDeadLetters();
    builder.AddIngestion();
    builder.AddLiveFeed();
    builder.AddAlerts();
    builder.AddApiConventions();
    builder.AddEvaluation();
    builder.AddVerification();
    builder.AddDeviceCommands();
    builder.Services.AddProblemDetails();
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

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapGet("/health", () => TypedResults.Ok("ok"));
app.MapKpiApi();
app.MapIngestionApi();
app.MapDeadLetterApi();
app.MapProgrammeApi();
app.MapEvaluationApi();
app.UseDashboard();
app.MapVerificationApi();
app.MapModelsApi();
app.MapCommandsApi();
await app.RunAsync();
return 0;
