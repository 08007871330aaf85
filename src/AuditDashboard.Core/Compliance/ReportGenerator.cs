using System.Security.Cryptography;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Integrity.Notes;
using AuditDashboard.Core.Storage;
using AuditDashboard.Reporting.Model;
using AuditDashboard.Reporting;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Core.Compliance;

/// <summary>Builds, renders, signs and keeps a report (with its evidence bundle and SHA-256) in the history.</summary>
/// <remarks>With the log's <see cref="CheckpointMaker"/>, every report is made against a checkpoint signed for it, and its bundle proves each sampled event.</remarks>
public sealed class ReportGenerator(IDbContextFactory<AuditDbContext> dbFactory, ControlCatalog catalog, ReportSigner signer, TimeProvider clock,
    CheckpointMaker? log = null)
{
    public ControlCatalog Catalog => catalog;

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem with the request.</summary>
    public async Task<GeneratedReport> GenerateAsync(ReportRequest request, CancellationToken cancellationToken = default)
    {
        var problems = request.Validate(catalog).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        problems.AddRange(await ReportScope.ProblemsAsync(db, request, cancellationToken));
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems));
        var (certificate, signing, development) = signer.Get();
        var now = clock.GetUtcNow().UtcDateTime;
        var (checkpoint, attestation, refusal) = await CheckpointAsync(db, cancellationToken);
        var model = await ReportBuilder.BuildAsync(db, catalog, request, signing, now, attestation, refusal, cancellationToken);
        using var pdf = new MemoryStream();
        int pages = ReportRenderer.Render(model, pdf, certificate);
        var pdfBytes = pdf.ToArray();
        using var zip = new MemoryStream();
        var sampled = model.Controls.Where(c => c.Sample is not null).SelectMany(c => c.Sample!.Rows.Select(r => r.Seq)).Distinct().Order().ToList();
        var proofs = checkpoint is null ? [] : await EventProofs.CreateAsync(db, checkpoint, sampled.Where(s => s <= checkpoint.Size).ToList(), cancellationToken);
        EvidenceBundle.Write(model, zip, proofs);
        var report = new GeneratedReport
        {
            ReportId = request.ReportId,
            Frameworks = string.Join(',', request.Frameworks),
            From = request.From,
            To = request.To,
            Scope = model.Scope,
            Seed = request.Seed,
            GeneratedAt = now,
            GeneratedBy = request.GeneratedBy,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdfBytes)),
            PageCount = pages,
            DevelopmentCertificate = development,
            Pdf = pdfBytes,
            EvidenceZip = zip.ToArray(),
        };
        db.Reports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    private async Task<(LogCheckpoint? Checkpoint, CheckpointAttestation? Attestation, VerificationResult? Refusal)> CheckpointAsync(AuditDbContext db,
        CancellationToken cancellationToken)
    {
        if (log is null) return (null, null, null);
        LogCheckpoint? checkpoint;
        try
        {
            checkpoint = await log.MakeAsync(db, cancellationToken);
        }
        catch (LogConsistencyException ex)
        {
            return (null, null, ex.ToResult());
        }
        if (checkpoint is null) return (null, null, null);
        var note = await EventProofs.NoteWithCosignaturesAsync(db, checkpoint, cancellationToken);
        var verifier = NoteVerifier.Parse(log.VerifierKey);
        var cosigners = SignedNote.Parse(note).Signatures.Where(s => s.Name != verifier.Name).Select(s => s.Name).ToList();
        return (checkpoint, new CheckpointAttestation(log.Origin, checkpoint.Size, Convert.ToBase64String(checkpoint.Root), verifier.KeyId.ToString("x8"),
            log.VerifierKey, cosigners, note), null);
    }
}
