using System.Runtime.CompilerServices;
using System.Text;
using AuditDashboard.Core.Ingest;

namespace AuditDashboard.Core.Import;

/// <summary>
/// Imports a vendor file through the ingest service, all or nothing: a first pass maps every record and validates
/// every event exactly as storing would, storing nothing; only a clean file is read again and stored, in batches.
/// Events keep their vendor ids, so importing the same file again stores nothing new (and completes an import that
/// an outage interrupted during the second pass).
/// </summary>
public sealed class ImportService(IngestService ingest)
{
    public const int BatchSize = 1000;
    /// <summary>A batch is also cut at this size, so large records keep a batch (and its memory) small and under Ingest:MaxBodyBytes.</summary>
    public const int MaxBatchBytes = 4 * 1024 * 1024;
    public const int MaxErrors = 50;

    public static IReadOnlyDictionary<string, IRecordMapper> Mappers { get; } = new IRecordMapper[]
    {
        new KeycloakMapper(), new OktaMapper(), new EntraMapper(), new Auth0Mapper(), new OcsfMapper(), new CefMapper(), new NativeMapper(),
    }.ToDictionary(m => m.Format, StringComparer.OrdinalIgnoreCase);

    /// <param name="file">Seekable: it is read twice.</param>
    /// <param name="source">Overrides the source each format derives (okta, auth0, keycloak:REALM, entra:TENANT…).</param>
    /// <param name="sources">For an import with an API key: the sources that key may write.</param>
    public async Task<ImportResult> ImportAsync(Stream file, string format, string? source, string origin, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default, ApiKeys.SourcePolicy? sources = null)
    {
        if (!Mappers.TryGetValue(format, out var mapper))
            throw new ArgumentException($"unknown format '{format}' (known: {string.Join(", ", Mappers.Keys)})");
        var errors = new List<string>();
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        long records = 0;
        string? forbidden = null;
        // One instant for both passes, so the events checked are the events stored.
        var importedAt = ingest.Clock.GetUtcNow();

        await foreach (var batch in BatchesAsync(file, mapper, source, importedAt, errors, skipped, r => records = r, cancellationToken))
        {
            var check = await ingest.IngestJsonAsync(Ndjson(batch), origin, cancellationToken, validateOnly: true, sources);
            if (check.Status == IngestStatus.Forbidden) forbidden ??= check.Message;
            if (check.Status != IngestStatus.Accepted)
                errors.AddRange(check.Errors.Count == 0 ? [check.Message ?? "refused"] : check.Errors.Select(e => $"{batch[e.Index].Record.Where}: {e.Field}: {e.Reason}"));
            if (errors.Count >= MaxErrors) break;
            progress?.Report(records);
        }
        if (errors.Count > 0)
            return new ImportResult(mapper.Format, records, 0, 0, skipped, errors.Take(MaxErrors).ToList(), 0, "") { Forbidden = forbidden };

        int accepted = 0, duplicates = 0;
        long headSeq = 0;
        string headHash = "";
        var ignored = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var batch in BatchesAsync(file, mapper, source, importedAt, errors, ignored, _ => { }, cancellationToken))
        {
            var stored = await ingest.IngestJsonAsync(Ndjson(batch), origin, cancellationToken, sources: sources);
            if (stored.Status != IngestStatus.Accepted)
                throw new InvalidOperationException($"a batch checked a moment ago was refused: {stored.Message}");
            accepted += stored.Accepted;
            duplicates += stored.Duplicates;
            (headSeq, headHash) = (stored.HeadSeq, stored.HeadHash);
            progress?.Report(accepted + duplicates);
        }
        return new ImportResult(mapper.Format, records, accepted, duplicates, skipped, [], headSeq, headHash);
    }

    private async IAsyncEnumerable<List<(ImportRecord Record, byte[] Json)>> BatchesAsync(Stream file, IRecordMapper mapper, string? source, DateTimeOffset importedAt,
        List<string> errors, IDictionary<string, int> skipped, Action<long> counted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        file.Position = 0;
        var batch = new List<(ImportRecord, byte[])>(BatchSize);
        long records = 0, bytes = 0;
        long maxBytes = Math.Min(MaxBatchBytes, ingest.Options.MaxBodyBytes / 2);
        var reader = RecordReader.ReadAsync(file, mapper.ReadsLines, ingest.Options.MaxImportRecordBytes, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                ImportRecord record;
                try
                {
                    if (!await reader.MoveNextAsync()) break;
                    record = reader.Current with { ImportedAt = importedAt };
                }
                catch (ImportException ex)
                {
                    errors.Add(ex.Message);
                    yield break;
                }
                counted(++records);
                IReadOnlyList<CanonicalEvent> events;
                try
                {
                    events = mapper.Map(record, source);
                }
                catch (ImportException ex)
                {
                    errors.Add(ex.Message);
                    if (errors.Count >= MaxErrors) yield break;
                    continue;
                }
                if (events.Count == 0)
                {
                    var type = mapper.VendorType(record);
                    skipped[type] = skipped.TryGetValue(type, out var n) ? n + 1 : 1;
                }
                foreach (var e in events)
                {
                    var json = e.ToUtf8();
                    batch.Add((record, json));
                    bytes += json.Length + 1;
                }
                if (batch.Count >= BatchSize || bytes >= maxBytes)
                {
                    yield return batch;
                    batch = new List<(ImportRecord, byte[])>(BatchSize);
                    bytes = 0;
                }
            }
            if (batch.Count > 0) yield return batch;
        }
        finally
        {
            await reader.DisposeAsync();
        }
    }

    private static byte[] Ndjson(List<(ImportRecord Record, byte[] Json)> batch)
    {
        var body = new byte[batch.Sum(b => b.Json.Length + 1)];
        int at = 0;
        foreach (var (_, json) in batch)
        {
            json.CopyTo(body, at);
            at += json.Length;
            body[at++] = (byte)'\n';
        }
        return body;
    }
}
