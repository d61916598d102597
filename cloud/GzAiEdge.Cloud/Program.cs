using GzAiEdge.Cloud;
using GzAiEdge.Cloud.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddTimeSeries();
builder.AddDeadLetters();
builder.AddIngestion();
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapGet("/health", () => TypedResults.Ok("ok"));
app.MapKpiApi();
app.MapDeadLetterApi();
await app.RunAsync();
