using AuditDashboard.Core.ApiKeys;
using AuditDashboard.Core.Import;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Web.Hosting;

namespace AuditDashboard.Web.Ingest;

public static class IngestRegistration
{
    public static WebApplicationBuilder AddIngest(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<IngestOptions>(IngestOptions.Section, o => o.Validate());
        builder.Services.AddSingleton<IngestService>();
        builder.Services.AddSingleton<ApiKeyService>();
        builder.Services.AddSingleton<ImportService>();
        return builder;
    }
}
