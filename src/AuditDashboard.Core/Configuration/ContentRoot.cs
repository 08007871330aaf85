namespace AuditDashboard.Core.Configuration;

/// <summary>
/// The repository root (or the publish folder) is the content root: it holds appsettings.json and wwwroot/.
/// The builder's content root cannot change after creation, so it is resolved before the builder exists:
/// an explicit <c>--contentRoot</c> first, else upwards from the app's own folder (publish folder or bin/ of
/// a source tree), else upwards from the working directory; the first folder holding both wins.
/// </summary>
public static class ContentRoot
{
    public static string Resolve(string[] args) =>
        Resolve(args, Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"), AppContext.BaseDirectory, Directory.GetCurrentDirectory());

    public static string Resolve(string[] args, string? environmentRoot, string appDirectory, string workingDirectory)
    {
        // An explicit root (WebApplicationFactory passes the web project's folder) is searched upwards too.
        var explicitRoot = Explicit(args) ?? environmentRoot;
        if (!string.IsNullOrEmpty(explicitRoot))
            return FindUpwards(Path.GetFullPath(explicitRoot)) ?? Path.GetFullPath(explicitRoot);

        return FindUpwards(appDirectory)
            ?? FindUpwards(workingDirectory)
            ?? workingDirectory;
    }

    private static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (IsContentRoot(dir.FullName)) return dir.FullName;
        }
        return null;
    }

    public static bool IsContentRoot(string folder) =>
        File.Exists(Path.Combine(folder, "appsettings.json")) && Directory.Exists(Path.Combine(folder, "wwwroot"));

    private static string? Explicit(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            foreach (var name in new[] { "--contentRoot", "--contentroot" })
            {
                if (arg == name && i + 1 < args.Length) return args[i + 1];
                if (arg.StartsWith(name + "=", StringComparison.Ordinal)) return arg[(name.Length + 1)..];
            }
        }
        return null;
    }
}
