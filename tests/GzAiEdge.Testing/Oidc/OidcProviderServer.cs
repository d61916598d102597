using System.Text.Json;

namespace GzAiEdge.Testing.Oidc;

/// <summary>
/// A real OpenID Connect provider on a free loopback port: the npm package <c>oidc-provider</c> at a pinned version,
/// installed once into <c>.cache/oidc-provider/{version}</c> (never committed) and run by Node with
/// <c>provider.mjs</c>. Its development sign-in pages take any password for the accounts it is given. Stopped by PID.
/// </summary>
public sealed class OidcProviderServer : IAsyncDisposable
{
    public const string Version = "9.13.3";
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private readonly ChildProcess _process;

    private OidcProviderServer(ChildProcess process, Uri authority)
    {
        _process = process;
        Authority = authority;
    }

    public Uri Authority { get; }

    public string Output => _process.Output;

    /// <summary>Starts the provider with one client and these accounts (name → claims such as <c>groups</c>, <c>gz_provider</c>).</summary>
    public static async Task<OidcProviderServer> StartAsync(string clientId, string clientSecret, Uri redirectUri, IReadOnlyDictionary<string, Dictionary<string, object>> accounts)
    {
        TestCategory.EnsureServersAllowed("an OpenID Connect provider (node)");
        var folder = await InstallAsync();
        var port = FreePort.Next();
        var process = ChildProcess.Start("node", [Path.Combine(folder, "provider.mjs")], new Dictionary<string, string>
        {
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CLIENT_ID"] = clientId,
            ["CLIENT_SECRET"] = clientSecret,
            ["REDIRECT_URI"] = redirectUri.ToString(),
            ["ACCOUNTS"] = JsonSerializer.Serialize(accounts),
        }, folder);
        await PortProbe.WaitUntilListeningAsync(port, process, "oidc-provider", TimeSpan.FromSeconds(30));
        return new OidcProviderServer(process, new Uri($"http://127.0.0.1:{port}"));
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static async Task<string> InstallAsync()
    {
        var folder = RepoPaths.Combine(".cache", "oidc-provider", Version);
        await InstallGate.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(folder, "node_modules", "oidc-provider", "package.json")))
            {
                Directory.CreateDirectory(folder);
                await using var npm = ChildProcess.Start("npm", ["install", "--no-audit", "--no-fund", "--no-save", $"oidc-provider@{Version}"], workingDirectory: folder);
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
                await npm.WaitForExitAsync(timeout.Token);
                if (npm.ExitCode != 0)
                {
                    throw new InvalidOperationException($"npm install oidc-provider@{Version} failed in {folder} (is the npm registry reachable?):\n{npm.Output}");
                }
            }

            File.Copy(Path.Combine(AppContext.BaseDirectory, "Oidc", "provider.mjs"), Path.Combine(folder, "provider.mjs"), overwrite: true);
            return folder;
        }
        finally
        {
            InstallGate.Release();
        }
    }
}
