namespace AuditDashboard.Core.Configuration;

/// <summary>
/// The repository root (or the publish folder) is the content root: it holds appsettings.json and wwwroot/.
/// The builder's content root cannot change after creation, so it is resolved before the builder exists.
/// </summary>
public static class ContentRoot
{
    public static string Resolve(string[] args)
    {
        var explicitRoot = Explicit(args) ?? Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT");
        if (!string.IsNullOrEmpty(explicitRoot)) return Path.GetFullPath(explicitRoot);

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (IsContentRoot(dir.FullName)) return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
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
