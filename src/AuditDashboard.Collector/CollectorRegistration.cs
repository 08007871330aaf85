using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Collector;

public static class CollectorRegistration
{
    /// <summary>
    /// Records JWT bearer validations, OpenID Connect sign-ins and tokens, and downstream access as AuditDashboard
    /// events, buffered on disk and shipped in batches to the ingest API. Options are validated on start.
    /// </summary>
    public static IServiceCollection AddAuditDashboardCollector(this IServiceCollection services, Action<CollectorOptions> configure)
    {
        services.AddOptions<CollectorOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CollectorOptions>, CollectorOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new DiskBuffer(sp.GetRequiredService<IOptions<CollectorOptions>>().Value));
        services.AddSingleton<AuditCollector>();
        services.AddSingleton<EventShipper>();
        services.AddHostedService(sp => sp.GetRequiredService<EventShipper>());
        services.AddHttpClient(EventShipper.HttpClientName);
        services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, JwtBearerHook>();
        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectHook>();
        services.AddSingleton<IStartupFilter, ResourceAccessStartupFilter>();
        return services;
    }

    private sealed class CollectorOptionsValidation : IValidateOptions<CollectorOptions>
    {
        public ValidateOptionsResult Validate(string? name, CollectorOptions options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
