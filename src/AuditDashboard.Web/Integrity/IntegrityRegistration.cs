using AuditDashboard.Core.Integrity;
using AuditDashboard.Web.Hosting;

namespace AuditDashboard.Web.Integrity;

public static class IntegrityRegistration
{
    /// <summary>The <c>Integrity</c> section (its signing key checked at start outside Development), verification and checkpoints.</summary>
    public static WebApplicationBuilder AddIntegrityMonitor(this WebApplicationBuilder builder)
    {
        var environment = builder.Environment;
        builder.AddValidatedOptions<IntegrityOptions>(IntegrityOptions.Section, o => o.Validate().Concat(LogSigning.Problems(o, environment)));
        builder.Services.AddSingleton<IntegrityStatus>();
        builder.Services.AddSingleton<LogSigning>();
        builder.Services.AddHostedService<IntegrityMonitor>();
        builder.Services.AddSingleton<CheckpointService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CheckpointService>());
        return builder;
    }
}
