namespace AuditDashboard.Core.Compliance;

/// <summary>A generated report kept for download: the signed PDF, its evidence bundle and the PDF's SHA-256.</summary>
public sealed class GeneratedReport
{
    public long Id { get; set; }
    public string ReportId { get; set; } = "";
    /// <summary>Framework ids, comma separated.</summary>
    public string Frameworks { get; set; } = "";
    public DateTime From { get; set; }
    public DateTime To { get; set; }
    public string Scope { get; set; } = "";
    public int Seed { get; set; }
    public DateTime GeneratedAt { get; set; }
    public string GeneratedBy { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public int PageCount { get; set; }
    public bool DevelopmentCertificate { get; set; }
    public byte[] Pdf { get; set; } = [];
    public byte[] EvidenceZip { get; set; } = [];
}
