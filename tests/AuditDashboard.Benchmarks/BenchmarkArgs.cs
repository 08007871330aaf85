using System.Globalization;

namespace AuditDashboard.Benchmarks;

/// <summary><c>ingest --events N [--prefill M] [--batch B] [--json FILE] [--dir FOLDER]</c></summary>
public sealed record BenchmarkArgs(int Events, int Prefill, int Batch, string? Json, string Folder)
{
    public static BenchmarkArgs Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "ingest")
            throw new ArgumentException("usage: ingest --events N [--prefill M] [--batch 1000] [--json FILE] [--dir FOLDER]");
        int events = 100_000, prefill = 0, batch = 1000;
        string? json = null;
        string folder = Path.Combine(Path.GetTempPath(), "auditdash-bench");
        for (int i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--events": events = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--prefill": prefill = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--batch": batch = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--json": json = Next(); break;
                case "--dir": folder = Next(); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (events < batch) throw new ArgumentException("--events must be at least --batch");
        return new BenchmarkArgs(events, prefill, batch, json, folder);
    }
}
