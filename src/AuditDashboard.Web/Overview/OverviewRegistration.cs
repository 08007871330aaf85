using AuditDashboard.Core.Overview;

namespace AuditDashboard.Web.Overview;

public static class OverviewRegistration
{
    public static WebApplicationBuilder AddOverview(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Aggregator>();
        builder.Services.AddHostedService<AggregationService>();
        return builder;
    }
}
