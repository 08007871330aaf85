using AuditDashboard.Core.Events;
using AuditDashboard.Core.Ingest;

namespace AuditDashboard.Core.Simulation;

/// <summary>Feeds simulated traffic through the ingest service in batches, like any other source.</summary>
public sealed class SimulationRunner(IngestService ingest, TimeProvider clock)
{
    public const int BatchSize = 1000;

    public sealed record Summary(int Generated, int Accepted, int Duplicates, DateTime Start, DateTime End, long HeadSeq, string HeadHash);

    public async Task<Summary> RunAsync(SimulationOptions options, string origin, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var end = options.ResolveEnd(clock);
        var simulator = new TrafficSimulator(options, end);
        int generated = 0, accepted = 0, duplicates = 0;
        long headSeq = 0;
        string headHash = "";
        foreach (var batch in simulator.Generate().Chunk(BatchSize))
        {
            var result = await ingest.IngestJsonAsync(EventJson.ToNdjson(batch), origin, cancellationToken);
            if (result.Status != IngestStatus.Accepted)
                throw new InvalidOperationException($"simulated batch refused: {result.Message} {string.Join("; ", result.Errors.Take(5))}");
            generated += batch.Length;
            accepted += result.Accepted;
            duplicates += result.Duplicates;
            headSeq = result.HeadSeq;
            headHash = result.HeadHash;
            progress?.Report(generated);
        }
        return new Summary(generated, accepted, duplicates, simulator.Start, end, headSeq, headHash);
    }
}
