namespace AuditDashboard.IntegrationTests.Infrastructure;

public static class RepoRoot
{
    /// <summary>The folder holding AuditDashboard.sln, found from the test binaries upwards.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AuditDashboard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("AuditDashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
