using MudBlazor.Services;

namespace AuditDashboard.Web.Components;

public static class UiRegistration
{
    /// <summary>Blazor Server with MudBlazor; detailed circuit errors only in Development.</summary>
    public static WebApplicationBuilder AddDashboardUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(o => o.DetailedErrors = builder.Environment.IsDevelopment());
        builder.Services.AddMudServices();
        return builder;
    }

    public static WebApplication MapDashboardUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
