namespace AuditDashboard.Benchmarks;

/// <summary>An explicit entry point: a top-level Program would clash with the web app's Program.</summary>
internal static class Entry
{
    public static Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "ingest" => IngestBenchmark.RunAsync(args),
        "queries" => QueryBenchmark.RunAsync(args),
        "growth" => GrowthBenchmark.RunAsync(args),
        "detect" => DetectBenchmark.RunAsync(args),
        "report" => ReportBenchmark.RunAsync(args),
        "import" => ImportBenchmark.RunAsync(args),
        "log" => LogBenchmark.RunAsync(args),
        "postgres" => PostgresBenchmark.RunAsync(args),
        _ => Usage(),
    };

    private static Task<int> Usage()
    {
        Console.Error.WriteLine("usage: ingest --events N [--prefill M] [--batch 1000] [--json FILE] [--dir FOLDER]");
        Console.Error.WriteLine("       queries --events N [--json FILE] [--dir FOLDER]   (reuses the store it built before)");
        Console.Error.WriteLine("       growth --events N [--json FILE] [--dir FOLDER] [--connection PG]   (the same store: 100k appends into an empty one, then into it)");
        Console.Error.WriteLine("       detect --events N [--json FILE] [--dir FOLDER]    (the same store)");
        Console.Error.WriteLine("       report --events N [--json FILE] [--dir FOLDER]    (the same store)");
        Console.Error.WriteLine("       import --format okta --events N [--json FILE] [--dir FOLDER]");
        Console.Error.WriteLine("       log --events N [--json FILE] [--dir FOLDER]       (the same store: proofs, verify --log)");
        Console.Error.WriteLine("       postgres --connection STRING --events N [--batch 1000] [--json FILE]   (raw COPY, the service, HTTP on 1 and 3 instances)");
        return Task.FromResult(2);
    }
}
