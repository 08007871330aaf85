using AuditDashboard.Core.Detection;
using AuditDashboard.Web.Hosting;

namespace AuditDashboard.Web.Alerts;

public static class AlertsRegistration
{
    /// <summary>Detector thresholds (section <c>Detection</c>, validated on start), the runner, and detection as events arrive.</summary>
    public static WebApplicationBuilder AddDetection(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DetectionOptions>(DetectionOptions.Section, o => o.Validate());
        builder.Services.AddSingleton<DetectionRunner>();
        builder.Services.AddHostedService<DetectionService>();
        return builder;
    }
}
