using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AuditDashboard.E2E;

/// <summary>The dashboard on Kestrel at 127.0.0.1, Development environment, over a SQLite file in the fixture's folder.</summary>
public static class DashboardHost
{
    /// <summary>Starts it on <paramref name="port"/> (0: any free one) with these settings on top; returns it and its address.</summary>
    public static (WebApplicationFactory<Program> Factory, string BaseUrl) Start(string folder, int port, params (string Key, string Value)[] settings)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Database:SqlitePath", Path.Combine(folder, "audit.db"));
            b.UseSetting("Demo:SeedOnEmpty", "false");
            b.UseSetting("Integrity:SigningKeyPath", Path.Combine(folder, "log-signing.key"));
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings) b.UseSetting(key, value);
        });
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return (factory, address);
    }
}
