using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AuditDashboard.Core.Storage;
using AuditDashboard.IntegrationTests.Infrastructure;

namespace AuditDashboard.IntegrationTests.Hosting;

/// <summary>Kestrel serving HTTPS with a configured certificate (Kestrel:Certificates:Default), checked by a client that trusts only its CA.</summary>
public sealed class HttpsTests
{
    [Fact]
    public async Task The_app_serves_https_with_the_configured_certificate()
    {
        await using var store = await TestStore.CreateAsync(DatabaseOptions.SqliteProvider);
        var now = DateTimeOffset.UtcNow; // read once: the server certificate must end before its CA's
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=AuditDashboard HTTPS test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));
        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = serverRequest.Create(ca, now.AddMinutes(-5), now.AddDays(1), [1, 2, 3, 4]);
        using var server = issued.CopyWithPrivateKey(serverKey);
        var pfx = Path.Combine(store.Folder, "https.pfx");
        await File.WriteAllBytesAsync(pfx, server.Export(X509ContentType.Pfx, "test-password"));

        await using var app = await WebProcess.StartAsync(store, new Dictionary<string, string>
        {
            ["Kestrel:Certificates:Default:Path"] = pfx,
            ["Kestrel:Certificates:Default:Password"] = "test-password",
        }, urls: "https://127.0.0.1:0");
        Assert.Equal("https", app.Address.Scheme);

        X509Certificate2? presented = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                presented = certificate is null ? null : new X509Certificate2(certificate);
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return certificate is not null && chain.Build(certificate);
            },
        };
        using var client = app.Client(handler: handler);
        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(server.Thumbprint, presented?.Thumbprint);
    }
}
