namespace AuditDashboard.Tests.Import;

/// <summary>The vendor samples (tests/samples, copied from ../shared/samples with their SOURCES.md).</summary>
internal static class Samples
{
    public static string Path(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "samples", file);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"tests/samples/{file} not found above {AppContext.BaseDirectory}");
    }
}
