using GzAiEdge.Testing;

namespace GzAiEdge.Cli.Tests.Commands;

/// <summary><c>gz user</c>, <c>gz token</c> and <c>gz audit-log --file</c> on the files of a cloud, as the operator on the server.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AccountCommandTests : IDisposable
{
    private readonly TempFolder _folder = new("gz-cli-accounts");

    public void Dispose() => _folder.Dispose();

    private string[] Store => ["--store", _folder.File("access.db"), "--audit-log", _folder.File("audit-log.db")];

    [Fact]
    public async Task An_account_is_made_with_a_password_shown_once_and_its_provider_from_the_catalogue_and_a_token_goes_to_a_private_file()
    {
        var (added, addOutput) = await RunAsync("user", "add", "li.wei", "--role", "provider", "--provider-of", "med-yuexiu-vitals",
            "--catalogue", RepoPaths.Combine("firmware-configs", "scenarios", "catalogue.yaml"));
        Assert.True(added == 0, addOutput);
        Assert.Matches("added li.wei; password \\(shown once\\): [A-Za-z0-9_-]{24}", addOutput);

        var (listed, list) = await RunAsync("user", "list");
        Assert.Equal(0, listed);
        Assert.Contains("li.wei\tprovider\tYuexiu Health AI (demo)\t-\tactive", list, StringComparison.Ordinal);

        var tokenFile = _folder.File("li.token");
        var (made, madeOutput) = await RunAsync("token", "create", "--user", "li.wei", "--days", "3", "--out", tokenFile);
        Assert.True(made == 0, madeOutput);
        Assert.StartsWith("gzp_", await File.ReadAllTextAsync(tokenFile), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        Assert.DoesNotContain(File.ReadAllText(tokenFile).Trim(), madeOutput, StringComparison.Ordinal);

        var (disabled, _) = await RunAsync("user", "disable", "li.wei");
        Assert.Equal(0, disabled);
        Assert.Contains("li.wei\tprovider\tYuexiu Health AI (demo)\t-\tdisabled", (await RunAsync("user", "list")).Output, StringComparison.Ordinal);

        var (verified, chain) = await GzProcesses.RunCliAsync(_folder, "audit-log", "--file", _folder.File("audit-log.db"), "--verify");
        Assert.Equal(0, verified);
        Assert.Contains("intact: 3 entries", chain, StringComparison.Ordinal);
        var (_, log) = await GzProcesses.RunCliAsync(_folder, "audit-log", "--file", _folder.File("audit-log.db"));
        Assert.Contains("user.disable\tli.wei\tdone\tfrom local", log, StringComparison.Ordinal);
        Assert.Contains("token.create", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_role_a_provider_without_a_name_and_a_short_password_are_refused_naming_what_and_nothing_is_made()
    {
        var (badRole, badRoleOutput) = await RunAsync("user", "add", "x1", "--role", "superuser");
        Assert.Equal(1, badRole);
        Assert.Contains("'superuser' is not a role; the roles are admin, evaluator, site-operator, provider, viewer", badRoleOutput, StringComparison.Ordinal);

        var (noProvider, noProviderOutput) = await RunAsync("user", "add", "x2", "--role", "provider");
        Assert.Equal(1, noProvider);
        Assert.Contains("the provider role needs the provider's name", noProviderOutput, StringComparison.Ordinal);

        await File.WriteAllTextAsync(_folder.File("short"), "short\n");
        var (weak, weakOutput) = await RunAsync("user", "add", "x3", "--role", "viewer", "--password-file", _folder.File("short"));
        Assert.Equal(1, weak);
        Assert.Contains("at least 12 characters", weakOutput, StringComparison.Ordinal);

        Assert.DoesNotContain("x", (await RunAsync("user", "list")).Output.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(new[] { badRoleOutput, noProviderOutput, weakOutput }, o => Assert.DoesNotContain("   at ", o, StringComparison.Ordinal));
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) => GzProcesses.RunCliAsync(_folder, [.. args, .. Store]);
}
