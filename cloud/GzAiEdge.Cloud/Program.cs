using GzAiEdge.Cloud;
using GzAiEdge.Cloud.Api;

// appsettings.json ships beside the binary; the working directory is the operator's (paths in the
// config, like the catalogue, stay relative to it).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddTimeSeries();
builder.AddDeadLetters();
builder.AddIngestion();
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapGet("/health", () => TypedResults.Ok("ok"));
app.MapKpiApi();
app.MapIngestionApi();
app.MapDeadLetterApi();
await app.RunAsync();
