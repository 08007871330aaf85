using Microsoft.Extensions.FileProviders;

namespace AuditDashboard.Web.Hosting;

public static class RootStaticFiles
{
    /// <summary>
    /// Serves the content root's wwwroot/ (the repository root's, or the publish folder's) explicitly: in Development
    /// the static web assets manifest replaces the default web root provider, and root files are not in that manifest.
    /// Package assets such as MudBlazor's _content/ come from MapStaticAssets.
    /// </summary>
    public static WebApplication UseRootStaticFiles(this WebApplication app)
    {
        var folder = Path.Combine(app.Environment.ContentRootPath, "wwwroot");
        if (Directory.Exists(folder))
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder) });
        return app;
    }
}
