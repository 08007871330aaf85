using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Geo;
using AuditDashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Web.Alerts;

public static class AlertsRegistration
{
    /// <summary>
    /// Detector thresholds (section <c>Detection</c>) and GeoIP databases (section <c>Geo</c>), both validated on
    /// start; the runner, and detection as events arrive.
    /// </summary>
    public static WebApplicationBuilder AddDetection(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.AddValidatedOptions<DetectionOptions>(DetectionOptions.Section, o => o.Validate());
        builder.AddValidatedOptions<GeoOptions>(GeoOptions.Section, o => o.Validate(contentRoot));
        builder.Services.AddSingleton(sp => new GeoLookup(() => sp.GetRequiredService<IOptions<GeoOptions>>().Value, contentRoot));
        builder.Services.AddSingleton<DetectionRunner>();
        builder.Services.AddSingleton<AuditDashboard.Core.Coordination.LeaseStore>();
        builder.Services.AddHostedService<DetectionService>();
        return builder;
    }
}
