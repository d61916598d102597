using GzAiEdge.Testing;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Tests.Configuration;

/// <summary>A key the worker does not read is a mistake: a misspelt one would silently keep its default.</summary>
public sealed class UnknownKeyTests
{
    [Fact]
    public void A_misspelt_key_fails_the_start_naming_file_line_and_the_key_it_meant()
    {
        using var folder = new TempFolder();
        var path = DeviceConfig.Write(folder, $"""
            edge: {"{"} site: s-1, device: d-1, scenario: x, stateDirectory: {folder.File("state")} {"}"}
            source:
              kind: replay
              path: {RepoPaths.Combine("models", "replay", "traffic")}
            pipeline:
              kind: traffic-detection
              model: {RepoPaths.Combine("models", "traffic-detector.onnx")}
              scoreTreshold: 0.9
            """);
        using var services = DeviceConfig.Build(path);

        var ex = Assert.Throws<OptionsValidationException>(services.ValidateEdgeConfiguration);

        Assert.Equal([$"{path}:8 (Pipeline:scoreTreshold): unknown key; did you mean 'scoreThreshold'?"], ex.Failures);
    }

    [Fact]
    public void Unknown_keys_are_found_in_nested_sections_list_items_and_at_the_top_of_the_file()
    {
        using var folder = new TempFolder();
        var path = DeviceConfig.Write(folder, """
            edge: { site: s-1, device: d-1, scenario: x }
            source:
              profile: traffic
              camera: { fsp: 3 }
            health:
              thermalZones:
                - name: cpu
                  types: [cpu-thermal]
                  typs: [x]
            comands:
              enabled: []
            logging:
              logLevel: { default: Warning }
            """);
        using var services = DeviceConfig.Build(path);

        Assert.Equal(
        [
            $"{path}:4 (Source:camera:fsp): unknown key; did you mean 'fps'?",
            $"{path}:9 (Health:thermalZones:0:typs): unknown key; did you mean 'types'?",
            $"{path}:10 (comands): unknown key; did you mean 'commands'?",
        ], services.OptionFailures());
    }

    [Fact]
    public void One_value_where_a_list_is_read_and_keys_far_from_any_known_one_are_named_with_the_keys_there_are()
    {
        using var folder = new TempFolder();
        var path = DeviceConfig.Write(folder, """
            edge: { site: s-1, device: d-1, scenario: x }
            source: { profile: traffic }
            outbox: { maxBytes: 4096, retention: 3 }
            inference:
              executionProviders: cuda
            """);
        using var services = DeviceConfig.Build(path);

        Assert.Equal(
        [
            $"{path}:5 (Inference:executionProviders): 'cuda' is one value; this key takes a list, e.g. [cuda]",
            $"{path}:3 (Outbox:retention): unknown key; the keys here are maxBytes, maxAgeMinutes, checkpointEvery",
        ], services.OptionFailures());
    }

    [Fact]
    public void A_key_from_the_command_line_says_so()
    {
        using var folder = new TempFolder();
        var path = DeviceConfig.Write(folder, "edge: { site: s-1, device: d-1, scenario: x }\nsource: { profile: traffic }\n");
        using var services = DeviceConfig.Build(path, "--Broker:Prot=1884");

        Assert.Equal(["Broker:Prot (from the command line): unknown key; did you mean 'Port'?"], services.OptionFailures());
    }
}
