using AuditDashboard.Core.Simulation;
using AuditDashboard.Web.Hosting;

namespace AuditDashboard.Web.Demo;

public static class DemoRegistration
{
    public static WebApplicationBuilder AddDemoSeeding(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DemoOptions>(DemoOptions.Section, o => o.Validate());
        builder.Services.AddSingleton<SimulationRunner>();
        builder.Services.AddHostedService<DemoSeeder>();
        return builder;
    }
}
