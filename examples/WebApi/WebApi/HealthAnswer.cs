using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WebApi;

/// <summary>Writes the health report as JSON: overall status, and each check's status, description and data.</summary>
internal static class HealthAnswer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
