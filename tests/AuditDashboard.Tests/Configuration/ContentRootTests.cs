using AuditDashboard.Core.Configuration;

namespace AuditDashboard.Tests.Configuration;

public sealed class ContentRootTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "auditdash-contentroot-" + Guid.NewGuid().ToString("N"));

    public ContentRootTests()
    {
        // A repository: root with appsettings.json and wwwroot/, the web project below it, and a publish folder.
        Directory.CreateDirectory(Path.Combine(_root, "wwwroot"));
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), "{}");
        Directory.CreateDirectory(Path.Combine(_root, "src", "AuditDashboard.Web", "bin", "Debug", "net10.0"));
        Directory.CreateDirectory(Path.Combine(_root, "publish", "wwwroot"));
        File.WriteAllText(Path.Combine(_root, "publish", "appsettings.json"), "{}");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string P(params string[] parts) => Path.Combine([_root, .. parts]);

    [Fact]
    public void From_source_the_repository_root_is_found_above_the_build_output()
    {
        Assert.Equal(_root, ContentRoot.Resolve([], null, P("src", "AuditDashboard.Web", "bin", "Debug", "net10.0"), "/"));
    }

    [Fact]
    public void From_a_publish_folder_that_folder_is_the_content_root()
    {
        Assert.Equal(P("publish"), ContentRoot.Resolve([], null, P("publish"), "/"));
    }

    [Fact]
    public void An_explicit_content_root_is_searched_upwards_and_wins_over_the_app_folder()
    {
        Assert.Equal(_root, ContentRoot.Resolve(["--contentRoot", P("src", "AuditDashboard.Web")], null, P("publish"), "/"));
        Assert.Equal(P("publish"), ContentRoot.Resolve([$"--contentRoot={P("publish")}"], null, "/", "/"));
        Assert.Equal(P("publish"), ContentRoot.Resolve([], P("publish"), _root, "/"));
    }

    [Fact]
    public void Without_any_marker_the_working_directory_is_used()
    {
        var elsewhere = Path.GetTempPath();
        Assert.Equal(elsewhere, ContentRoot.Resolve([], null, "/", elsewhere));
    }
}
