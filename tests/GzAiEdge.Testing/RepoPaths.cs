namespace GzAiEdge.Testing;

/// <summary>Locates files of this repository from a test's output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GzAiEdge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"GzAiEdge.sln not found above {AppContext.BaseDirectory}");
    }
}
