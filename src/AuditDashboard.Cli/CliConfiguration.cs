using AuditDashboard.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace AuditDashboard.Cli;

/// <summary>The web app's configuration (content root appsettings.json and environment variables), so both agree.</summary>
public static class CliConfiguration
{
    public static (IConfiguration Configuration, string ContentRoot) Load()
    {
        var contentRoot = ContentRoot.Resolve([]);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(contentRoot, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        return (configuration, contentRoot);
    }

    /// <summary>Binds a section and throws a <see cref="UsageException"/> listing every problem.</summary>
    public static T Section<T>(IConfiguration configuration, string section, Func<T, IEnumerable<string>> validate) where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        var errors = validate(options).ToList();
        return errors.Count == 0 ? options : throw new UsageException(string.Join(Environment.NewLine, errors));
    }
}
