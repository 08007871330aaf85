using System.IO.Compression;
using System.Text;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Integrity.Notes;

namespace AuditDashboard.Core.Compliance;

/// <summary>
/// Verifies a report's evidence bundle with no database: the bundle's checkpoint is signed by the given key, every
/// sampled event's canonical bytes are in that checkpoint's tree (its tlog-proof), and every sample row has its proof.
/// Reads are bounded: a bundle claiming more entries or larger files than a report writes is refused.
/// </summary>
public static class BundleVerifier
{
    public const int MaxEntries = 2 * EventProofs.MaxEvents + 64;
    public const int MaxEntryBytes = 8 * 1024 * 1024;

    /// <param name="witnesses">Witnesses whose valid cosignature the bundle's checkpoint must carry.</param>
    public static BundleVerification Verify(Stream bundle, NoteVerifier key, IReadOnlyList<NoteVerifier>? witnesses = null)
    {
        var problems = new List<string>();
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(bundle, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            return new BundleVerification(0, null, [], [$"not a zip file: {ex.Message}"]);
        }
        using (zip)
        {
            if (zip.Entries.Count > MaxEntries) return new BundleVerification(0, null, [], [$"the bundle has {zip.Entries.Count} entries, more than a report writes ({MaxEntries})"]);
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var entry in zip.Entries)
            {
                if (Read(entry) is { } content) files[entry.FullName] = content;
                else problems.Add($"{entry.FullName} is larger than {MaxEntryBytes} bytes");
            }
            if (!files.TryGetValue(EvidenceBundle.CheckpointEntry, out var checkpointBytes))
                return new BundleVerification(0, null, [], [$"the bundle has no {EvidenceBundle.CheckpointEntry}: it was made without a signed checkpoint"]);
            Checkpoint checkpoint;
            var note = Encoding.UTF8.GetString(checkpointBytes);
            try
            {
                checkpoint = SignedCheckpoints.Open(note, key, EvidenceBundle.CheckpointEntry);
            }
            catch (FormatException ex)
            {
                return new BundleVerification(0, null, [], [ex.Message]);
            }
            var cosigners = SignedNote.Parse(note).Signatures.Where(s => s.Name != key.Name).Select(s => s.Name).ToList();
            foreach (var witness in witnesses ?? [])
                if (Cosignatures.Verify(SignedNote.Parse(note), witness) is null) problems.Add($"the checkpoint carries no valid cosignature by {witness.Text}");

            int proven = 0;
            var provenSeqs = new HashSet<long>();
            foreach (var (name, proofBytes) in files.Where(f => f.Key.StartsWith(EvidenceBundle.ProofsFolder, StringComparison.Ordinal) && f.Key.EndsWith(".tlog-proof", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var jsonName = name[..^".tlog-proof".Length] + ".json";
                if (!files.TryGetValue(jsonName, out var json))
                {
                    problems.Add($"{name} has no {jsonName} beside it");
                    continue;
                }
                if (EventProofs.Verify(json, Encoding.UTF8.GetString(proofBytes), key, out var against) is { } problem)
                    problems.Add($"{name}: {problem}");
                else if (against!.Size != checkpoint.Size || !against.Root.AsSpan().SequenceEqual(checkpoint.Root))
                    problems.Add($"{name} proves the event against another checkpoint ({against.Size} events) than the bundle's ({checkpoint.Size})");
                else
                {
                    proven++;
                    provenSeqs.Add(EventProofs.SeqOf(json)!.Value);
                }
            }
            if (files.TryGetValue("samples.csv", out var samples))
            {
                foreach (var seq in SampledSeqs(samples).Where(s => !provenSeqs.Contains(s)).Distinct().Take(20))
                    problems.Add($"samples.csv lists seq {seq}, which has no valid proof in the bundle");
            }
            return new BundleVerification(proven, checkpoint.Text().TrimEnd('\n').Replace('\n', ' '), cosigners, problems);
        }
    }

    private static byte[]? Read(ZipArchiveEntry entry)
    {
        // The declared length may lie (a zip bomb): read at most one byte past the limit.
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxEntryBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The seq column of samples.csv (RFC 4180 cells, as the bundle writes them).</summary>
    private static IEnumerable<long> SampledSeqs(byte[] csv)
    {
        var rows = CsvRows(Encoding.UTF8.GetString(csv)).ToList();
        if (rows.Count == 0) yield break;
        int column = rows[0].IndexOf("seq");
        if (column < 0) yield break;
        foreach (var row in rows.Skip(1))
            if (row.Count > column && long.TryParse(row[column], out var seq)) yield return seq;
    }

    private static IEnumerable<List<string>> CsvRows(string text)
    {
        var row = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                yield return row;
                row = [];
            }
            else cell.Append(c);
        }
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            yield return row;
        }
    }
}
