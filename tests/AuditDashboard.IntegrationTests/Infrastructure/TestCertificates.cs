using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AuditDashboard.IntegrationTests.Infrastructure;

/// <summary>A report-signing certificate for runs outside Development, which refuse the generated development one.</summary>
public static class TestCertificates
{
    public static string SigningPfx(string folder)
    {
        var path = Path.Combine(folder, "report-signing-test.pfx");
        if (File.Exists(path)) return path;
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=AuditDashboard test report signing", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
        return path;
    }
}
