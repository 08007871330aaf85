using AuditDashboard.Core.Compliance;

namespace AuditDashboard.Tests.Compliance;

public sealed class DevelopmentCertificateTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "auditdash-cert", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void The_generated_development_key_is_readable_by_its_owner_only()
    {
        var signer = new ReportSigner(new ReportOptions { DevelopmentCertificatePath = "dev.pfx" }, _folder);
        var (certificate, _, development) = signer.Get();
        Assert.True(development);
        Assert.True(certificate.HasPrivateKey);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, "dev.pfx")));
    }
}
