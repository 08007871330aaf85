namespace AuditDashboard.Benchmarks;

/// <summary>An explicit entry point: a top-level Program would clash with the web app's Program.</summary>
internal static class Entry
{
    public static Task<int> Main(string[] args) => IngestBenchmark.RunAsync(args);
}
