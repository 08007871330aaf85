using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AuditDashboard.Core.Compliance;

/// <summary>
/// The certificate that signs reports: the configured one, or else a development certificate generated once and
/// kept beside the database, so every report from this installation is signed by the same key. A report signed
/// by the development certificate says so on its cover.
/// </summary>
public sealed class ReportSigner(ReportOptions options, string baseFolder)
{
    private readonly Lock _gate = new();
    private (X509Certificate2 Certificate, string Description, bool Development)? _loaded;

    /// <summary>The certificate, how the report describes it, and whether it is the generated development one.</summary>
    public (X509Certificate2 Certificate, string Description, bool Development) Get()
    {
        lock (_gate)
        {
            return _loaded ??= Load();
        }
    }

    private (X509Certificate2, string, bool) Load()
    {
        if (options.SigningCertificatePath is { Length: > 0 } configured)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.GetFullPath(configured, baseFolder), options.SigningCertificatePassword);
            return (certificate, $"Signed with the configured certificate {certificate.Subject} (SHA-256 thumbprint {Thumbprint(certificate)}).", false);
        }
        var path = Path.GetFullPath(options.DevelopmentCertificatePath, baseFolder);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest("CN=AuditDashboard development report signing, O=" + Sanitize(options.Organisation), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(5));
            var temp = path + "." + Guid.NewGuid().ToString("N");
            // The private key is readable by this account only, from the moment the file exists.
            var owner = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) owner.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var file = new FileStream(temp, owner)) file.Write(created.Export(X509ContentType.Pfx));
            File.Move(temp, path, overwrite: false);
        }
        var development = X509CertificateLoader.LoadPkcs12FromFile(path, null);
        return (development, $"Signed with a DEVELOPMENT certificate that AuditDashboard generated because none is configured ({development.Subject}, " +
            $"SHA-256 thumbprint {Thumbprint(development)}): the signature shows the PDF is unchanged since it was generated, not who stands behind it. " +
            "Configure Reports:SigningCertificatePath for reports given to an auditor.", true);
    }

    /// <summary>Null when the file opens as a certificate with a private key.</summary>
    public static string? Probe(string path, string? password)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey ? null : "the certificate has no private key";
        }
        catch (CryptographicException ex)
        {
            return $"cannot be read as a PKCS#12 file with this password ({ex.Message})";
        }
    }

    private static string Thumbprint(X509Certificate2 c) => Convert.ToHexString(c.GetCertHash(HashAlgorithmName.SHA256));

    private static string Sanitize(string text) => new(text.Where(ch => char.IsLetterOrDigit(ch) || ch is ' ' or '-' or '.').Take(64).ToArray());
}
