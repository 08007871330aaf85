namespace AuditDashboard.Core.Compliance;

/// <summary>Configuration section <c>Reports</c>.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Printed on every report's cover.</summary>
    public string Organisation { get; set; } = "Example Organisation";

    /// <summary>A PKCS#12 (.pfx) file with the certificate and private key that sign reports.</summary>
    public string? SigningCertificatePath { get; set; }
    public string? SigningCertificatePassword { get; set; }

    /// <summary>Where the generated development certificate is kept when none is configured (content root relative).</summary>
    public string DevelopmentCertificatePath { get; set; } = "data/report-signing-development.pfx";

    public IEnumerable<string> Validate(string baseFolder)
    {
        if (string.IsNullOrWhiteSpace(Organisation)) yield return "Reports:Organisation is required.";
        if (SigningCertificatePath is { Length: > 0 } path)
        {
            var full = Path.GetFullPath(path, baseFolder);
            if (!File.Exists(full)) yield return $"Reports:SigningCertificatePath '{full}' does not exist.";
            else if (ReportSigner.Probe(full, SigningCertificatePassword) is { } problem) yield return $"Reports:SigningCertificatePath '{full}': {problem}";
        }
    }
}
