using Microsoft.Extensions.FileProviders;

namespace GzAiEdge.Cloud.Dashboard;

public static class DashboardExtensions
{
    /// <summary>
    /// The dashboard's static files (plain ES modules and ECharts, copied to <c>dashboard/</c> beside the binary
    /// at build), served at the root.
    /// </summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "dashboard");
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }
}
