using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Web.Coordination;

public static class CoordinationRegistration
{
    /// <summary>
    /// What several instances on one store share beyond the data: the Data Protection key ring, kept in the store
    /// under one application name (the default name is the content root path, which differs between hosts).
    /// </summary>
    public static WebApplicationBuilder AddSharedKeyRing(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("AuditDashboard");
        builder.Services.AddSingleton<DatabaseKeyRepository>();
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<DatabaseKeyRepository>()));
        return builder;
    }
}
