using System.Text.Encodings.Web;
using System.Text.Json;

namespace AuditDashboard.Web.Hosting;

public static class ApiJson
{
    /// <summary>snake_case in and out, like the event schema.</summary>
    public static WebApplicationBuilder AddApiJson(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Encoder = JavaScriptEncoder.Default;
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        return builder;
    }
}
