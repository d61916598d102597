using GzAiEdge.Access;
using Microsoft.Extensions.FileProviders;

namespace GzAiEdge.Cloud.Dashboard;

public static class DashboardExtensions
{
    /// <summary>The page nobody needs to be signed in for (with its script and style, which hold no data).</summary>
    public const string SignInPage = "/signin.html";

    /// <summary>
    /// The dashboard's static files (plain ES modules and ECharts, copied to <c>dashboard/</c> beside the binary
    /// at build), served at the root. The dashboard itself is shown only to a signed-in person; anyone else is sent to
    /// the sign-in page. Scripts and styles are served to anyone: they are the same for everybody, and every piece of
    /// data they show comes from the API, which checks each request.
    /// </summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "dashboard");
        var files = new PhysicalFileProvider(root);
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if ((path == "/" || path == "/index.html") && !SignedIn(context))
            {
                context.Response.Redirect(SignInPage + (context.Request.QueryString.HasValue ? context.Request.QueryString.Value : string.Empty));
                return;
            }

            await next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }

    private static bool SignedIn(HttpContext context) => Caller.From(context.User) is { IsDevice: false } caller && caller != Caller.Anonymous;
}
