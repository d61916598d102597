using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Tests.Configuration;

public class EdgeConfigurationTests
{
    [Fact]
    public void Yaml_config_binds_case_insensitively()
    {
        using var folder = new TempFolder();
        var path = folder.File("device.yaml");
        File.WriteAllText(path, """
            edge:
              site: tianhe-01
              device: cam-01
              scenario: traffic-tianhe-flow
              windowSeconds: 5
            source:
              profile: medical
            """);

        var options = DeviceConfig.Build(path).GetRequiredService<IOptions<EdgeOptions>>().Value;

        Assert.Equal(new EdgeOptions { Site = "tianhe-01", Device = "cam-01", Scenario = "traffic-tianhe-flow", WindowSeconds = 5 }, options);
    }

    [Fact]
    public void Command_line_values_override_the_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("device.yaml");
        File.WriteAllText(path, "broker:\n  host: 10.0.0.1\n  port: 1883\n");

        var options = DeviceConfig.Build(path, "--broker:port=18830").GetRequiredService<IOptions<BrokerOptions>>().Value;

        Assert.Equal(18830, options.Port);
        Assert.Equal("10.0.0.1", options.Host);
    }

    [Fact]
    public void Bad_values_fail_the_start_naming_file_line_and_key()
    {
        using var folder = new TempFolder();
        var path = folder.File("device.yaml");
        File.WriteAllText(path, """
            edge:
              site: Tianhe 01
              device: cam-01
              scenario: traffic-tianhe-flow
              windowSeconds: 0
            broker:
              port: 70000
            source:
              profile: rail
            """);
        var services = DeviceConfig.Build(path);

        var edge = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EdgeOptions>>().Value);
        var broker = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BrokerOptions>>().Value);
        var source = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SourceOptions>>().Value);

        Assert.Contains($"{path}:2 (Edge:Site): 'Tianhe 01' must start with a-z or 0-9", edge.Failures);
        Assert.Contains($"{path}:5 (Edge:WindowSeconds): 0 is outside 1..3600", edge.Failures);
        Assert.Contains($"{path}:7 (Broker:Port): 70000 is outside 1..65535", broker.Failures);
        Assert.Contains($"{path}:9 (Source:Profile): 'rail' is not one of traffic, manufacturing, medical", source.Failures);
    }

    [Fact]
    public void Broken_yaml_names_the_file_and_line()
    {
        using var folder = new TempFolder();
        var path = folder.File("device.yaml");
        File.WriteAllText(path, "edge:\n  site: a\n   device: [unclosed\n");

        var ex = Assert.Throws<InvalidDataException>(() => DeviceConfig.Build(path));

        Assert.StartsWith($"{path}:3:", ex.Message);
    }
}
