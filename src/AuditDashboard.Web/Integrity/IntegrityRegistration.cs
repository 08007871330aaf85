namespace AuditDashboard.Web.Integrity;

public static class IntegrityRegistration
{
    public static WebApplicationBuilder AddIntegrityMonitor(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IntegrityStatus>();
        builder.Services.AddHostedService<IntegrityMonitor>();
        return builder;
    }
}
