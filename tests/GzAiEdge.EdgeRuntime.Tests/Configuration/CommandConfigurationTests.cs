using GzAiEdge.Contracts.Signing;
using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Tests.Configuration;

public sealed class CommandConfigurationTests : IDisposable
{
    private readonly TempFolder _folder = new("gz-commands-config");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_commands_section_binds_with_its_lists_and_key()
    {
        using var programme = ProgrammeSigner.Create();
        using var commandKey = CommandSigner.Create();
        File.WriteAllText(_folder.File("programme.pub.pem"), programme.PublicKeyPem);
        File.WriteAllText(_folder.File("command-key.pub.pem"), commandKey.PublicKeyPem);
        using var services = DeviceConfig.Build(Write($"""
            commands:
              enabled: [config.set, model.update]
              configKeys: [pipeline:decisionThreshold]
              commandKeyFiles: [{_folder.File("command-key.pub.pem")}]
              programmeKeyFile: {_folder.File("programme.pub.pem")}
              api: https://cloud.example:5080
              probeInferences: 5
            """));

        var options = services.GetRequiredService<IOptions<CommandOptions>>().Value;

        Assert.Equal(["config.set", "model.update"], options.Enabled);
        Assert.Equal(["pipeline:decisionThreshold"], options.ConfigKeys);
        Assert.Equal([_folder.File("command-key.pub.pem")], options.CommandKeyFiles);
        Assert.Equal(5, options.ProbeInferences);
    }

    [Fact]
    public void Bad_command_settings_name_file_line_and_key()
    {
        var path = Write("""
            commands:
              enabled: [config.set, model.update, shell]
              configKeys: [Broker:Host]
              api: ftp://cloud
              probeInferences: 0
            """);
        using var services = DeviceConfig.Build(path);

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CommandOptions>>().Value);

        Assert.Equal(
        [
            $"{path}:5 (Commands:Enabled:2): 'shell' is not one of config.set, pipeline.restart, model.update, audit.run, evidence.fetch",
            $"{path}:6 (Commands:ConfigKeys:0): 'Broker:Host' cannot be set remotely; these can: {string.Join(", ", CommandOptions.SupportedConfigKeys)}",
            $"{path} (Commands:ProgrammeKeyFile, not set): model.update is enabled, so the programme's public key is needed (gz provision writes it)",
            $"{path}:7 (Commands:Api): model.update is enabled, so the cloud API's http(s) address is needed, e.g. https://cloud:5080 (was 'ftp://cloud')",
            $"{path} (Commands:CommandKeyFiles, not set): commands are enabled, so the cloud's public command key is needed to check their signatures (gz provision writes command-key.pub.pem)",
            $"{path}:8 (Commands:ProbeInferences): 0 is outside 1..100000",
        ], ex.Failures);
    }

    [Fact]
    public void Audit_runs_need_the_programme_key_and_the_cloud_API_as_model_updates_do()
    {
        var path = Write("""
            commands:
              enabled: [audit.run]
              maxAuditBytes: 12
            """);
        using var services = DeviceConfig.Build(path);

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CommandOptions>>().Value);

        Assert.Equal(
        [
            $"{path} (Commands:ProgrammeKeyFile, not set): audit.run is enabled, so the programme's public key is needed (gz provision writes it)",
            $"{path} (Commands:Api, not set): audit.run is enabled, so the cloud API's http(s) address is needed, e.g. https://cloud:5080 (was '')",
            $"{path} (Commands:CommandKeyFiles, not set): commands are enabled, so the cloud's public command key is needed to check their signatures (gz provision writes command-key.pub.pem)",
            $"{path}:6 (Commands:MaxAuditBytes): 12 is outside 1024..17179869184",
        ], ex.Failures);
    }

    [Fact]
    public void Command_keys_that_are_missing_not_keys_or_the_same_key_twice_are_named_with_file_and_line()
    {
        using var key = CommandSigner.Create();
        File.WriteAllText(_folder.File("a.pub.pem"), key.PublicKeyPem);
        File.WriteAllText(_folder.File("b.pub.pem"), key.PublicKeyPem);
        File.WriteAllText(_folder.File("junk.pem"), "no key here");
        var path = Write($"""
            commands:
              enabled: [pipeline.restart]
              commandKeyFiles: [{_folder.File("a.pub.pem")}, {_folder.File("missing.pem")}, {_folder.File("junk.pem")}, {_folder.File("b.pub.pem")}]
            """);
        using var services = DeviceConfig.Build(path);

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CommandOptions>>().Value);

        Assert.Equal(3, ex.Failures.Count());
        Assert.Equal($"{path}:6 (Commands:CommandKeyFiles:1): file '{_folder.File("missing.pem")}' not found", ex.Failures.ElementAt(0));
        Assert.StartsWith($"{path}:6 (Commands:CommandKeyFiles:2): {_folder.File("junk.pem")}: not a PEM ECDSA public key", ex.Failures.ElementAt(1), StringComparison.Ordinal);
        Assert.Equal($"{path}:6 (Commands:CommandKeyFiles:3): holds key {key.Kid}, which Commands:CommandKeyFiles:0 holds already", ex.Failures.ElementAt(2));
    }

    private string Write(string commands)
    {
        var path = _folder.File("device.yaml");
        File.WriteAllText(path, $"edge:\n  device: ward-05\n  stateDirectory: {_folder.File("state")}\n{commands}\n");
        return path;
    }
}
