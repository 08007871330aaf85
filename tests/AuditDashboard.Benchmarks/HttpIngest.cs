using System.Net;
using System.Net.Http.Headers;
using AuditDashboard.Core.ApiKeys;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AuditDashboard.Benchmarks;

/// <summary>The real web app on Kestrel at 127.0.0.1, fed NDJSON batches by an HttpClient over loopback.</summary>
public static class HttpIngest
{
    public static async Task<double> RunAsync(string path, List<byte[]> batches, int events)
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Database:SqlitePath", path);
            b.UseSetting("Demo:SeedOnEmpty", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            // Production refuses the Development sign-in; the ingest API uses API keys, so this provider is never called.
            b.UseSetting("Authentication:Mode", "Oidc");
            b.UseSetting("Authentication:Oidc:Authority", "https://127.0.0.1:9/");
            b.UseSetting("Authentication:Oidc:ClientId", "benchmark");
            b.UseSetting("Urls", "");
            // Production refuses the generated development certificate, and the benchmark posts far more batches a
            // minute than the default ingest rate limit allows.
            b.UseSetting("Reports:SigningCertificatePath", SigningCertificate(Path.GetDirectoryName(Path.GetFullPath(path))!));
            b.UseSetting("RateLimits:IngestPerMinute", "1000000");
            b.UseSetting("Integrity:SigningKeyPath", LogKey(Path.GetDirectoryName(Path.GetFullPath(path))!));
        });
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var (_, key) = await factory.Services.GetRequiredService<ApiKeyService>().CreateAsync("benchmark", ["*"]);

        // A plain client over real sockets, not the factory's in-memory handler.
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var body in batches)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            using var response = await client.PostAsync("/api/v1/events", content);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return events / watch.Elapsed.TotalSeconds;
    }

    private static string LogKey(string folder)
    {
        var path = Path.Combine(folder, "benchmark-log.key");
        if (File.Exists(path)) File.Delete(path);
        using var signer = AuditDashboard.Core.Integrity.Notes.NoteSigner.Generate(new AuditDashboard.Core.Integrity.IntegrityOptions().LogOrigin);
        AuditDashboard.Core.Integrity.Notes.SigningKeyFile.Create(path, signer);
        return path;
    }

    private static string SigningCertificate(string folder)
    {
        var pfx = Path.Combine(folder, "benchmark-signing.pfx");
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=AuditDashboard benchmark", rsa,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllBytes(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx));
        return pfx;
    }
}
