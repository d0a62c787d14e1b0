// A minimal API scoring posted agency rows with hot-reloaded rule files (ParIndex.RulesEngine.Hosting).
//
//   dotnet run --project examples/WebApi/WebApi
//   curl -X POST localhost:5000/score/province-2019 -H 'Content-Type: application/json' -d '[{"agencyId":"KT", ...}]'
//   curl localhost:5000/health
//
// Rule sets come from the "ParIndex" section of appsettings.json; editing a rule file reloads it
// (a broken edit keeps the old rules: see /health).
using System.Text.Json;
using ParIndex.RulesEngine.Hosting;
using WebApi;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddParIndexRules(builder.Configuration.GetSection("ParIndex"));
builder.Services.AddHealthChecks().AddParIndexRules();

var app = builder.Build();

// Rows bound by ASP.NET: numbers stay JSON numbers.
app.MapPost("/score/{ruleSet}", async (string ruleSet, List<Dictionary<string, JsonElement>> rows, IParIndexScorer scorer, CancellationToken cancellationToken) =>
    ScoreAnswer.From(await scorer.ScoreRowsAsync(ruleSet, rows, cancellationToken)));

// The raw body, read as it arrives (no buffering of the whole request as objects).
app.MapPost("/score/{ruleSet}/stream", async (string ruleSet, HttpRequest request, IParIndexScorer scorer, CancellationToken cancellationToken) =>
    ScoreAnswer.From(await scorer.ScoreJsonAsync(ruleSet, request.Body, cancellationToken)));

app.MapHealthChecks("/health", new() { ResponseWriter = HealthAnswer.WriteAsync });

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
