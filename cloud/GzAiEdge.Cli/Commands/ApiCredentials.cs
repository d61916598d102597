using System.CommandLine;
using System.Net.Http.Headers;

namespace GzAiEdge.Cli.Commands;

/// <summary>
/// The API token of the commands that call the cloud: from <c>--token-file</c>, or else the <c>GZ_TOKEN</c> environment
/// variable. Never a command-line value: a command line is visible to every user of the machine (<c>ps</c>).
/// </summary>
internal static class ApiCredentials
{
    public const string Variable = "GZ_TOKEN";

    public static Option<string?> TokenFile() => new("--token-file")
    {
        Description = $"A file holding the API token (a personal token, from the dashboard's API tokens page or gz token create); default: the {Variable} environment variable",
        Recursive = true,
    };

    /// <summary>The token, or null when none is given; throws <see cref="IOException"/> naming the file when it cannot be read.</summary>
    public static string? Resolve(string? tokenFile)
    {
        if (tokenFile is not null)
        {
            if (!File.Exists(tokenFile))
            {
                throw new IOException($"--token-file '{tokenFile}': no such file");
            }

            return File.ReadAllText(tokenFile).Trim() is { Length: > 0 } token ? token : throw new IOException($"--token-file '{tokenFile}' is empty");
        }

        return Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment ? fromEnvironment.Trim() : null;
    }

    /// <summary>Sends the token with every request of <paramref name="http"/>.</summary>
    public static HttpClient Authorize(this HttpClient http, string? token)
    {
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>What to do about a 401 or 403, added to the cloud's own words.</summary>
    public static string Hint(int status, string? token) => status switch
    {
        401 when token is null => $" (no token given: set {Variable} or use --token-file)",
        401 => " (the token was refused: expired, revoked or mistyped)",
        403 => " (the token's account lacks the role for this; docs/security.md)",
        _ => string.Empty,
    };
}
