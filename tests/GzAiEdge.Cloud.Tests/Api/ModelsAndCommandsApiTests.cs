using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using GzAiEdge.Cloud.Tests.Support;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;

namespace GzAiEdge.Cloud.Tests.Api;

/// <summary>The model repository and the checks of the commands API, against the cloud host in-process.</summary>
public sealed class ModelsAndCommandsApiTests(InProcessCloud host) : IClassFixture<InProcessCloud>
{
    [Fact]
    public async Task A_model_is_listed_its_manifest_served_and_its_file_sent_with_its_length()
    {
        var content = RandomNumberGenerator.GetBytes(10_000);
        var manifest = Publish("served", "3.1", content, host.Programme);

        var list = await host.GetAsync("/api/v1/models");
        var read = await host.Http.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/models/served/3.1", UriKind.Relative));
        using var file = await host.Http.GetAsync(new Uri("/api/v1/models/served/3.1/content", UriKind.Relative));

        Assert.Contains(list.GetProperty("items").EnumerateArray(), m => m.GetProperty("name").GetString() == "served");
        Assert.Equal(manifest, JsonSerializer.Deserialize(read.GetRawText(), GzJsonContext.Default.ModelManifest));
        Assert.Equal(10_000, file.Content.Headers.ContentLength);
        Assert.Equal(content, await file.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/v1/models/..%2F..%2Fetc/passwd/content", "name")]
    [InlineData("/api/v1/models/Served/3.1", "name")]
    [InlineData("/api/v1/models/served/3%2F1/content", "version")]
    public async Task A_name_or_version_that_is_not_a_safe_segment_is_a_400_naming_it(string path, string parameter)
    {
        using var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.GetRawText());
    }

    [Fact]
    public async Task Bad_commands_are_refused_naming_what_is_wrong()
    {
        var bad = await PostAsync(new { type = "model.delete", expiresInSeconds = 0 });
        var arguments = await PostAsync(new { type = "config.set", arguments = new Dictionary<string, string> { ["not a key"] = "1" } });
        var missing = await PostAsync(new { type = "model.update", arguments = new Dictionary<string, string> { ["name"] = "absent", ["version"] = "1" } });
        using var other = ProgrammeSigner.Create();
        Publish("foreign", "1", [1, 2, 3], other);
        var foreign = await PostAsync(new { type = "model.update", arguments = new Dictionary<string, string> { ["name"] = "foreign", ["version"] = "1" } });

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("expiresInSeconds must be within 1..604800 (was 0)", bad.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, arguments.Status);
        Assert.Contains("is not a configuration key", arguments.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("model absent version 1 is not in the repository", missing.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.Status);
        Assert.Contains($"signed with another key, not the programme key {host.Programme.Kid}", foreign.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(new { type = "model.delete" })).Status);
    }

    [Fact]
    public async Task A_valid_command_on_an_instance_without_a_command_key_is_a_503_naming_the_key()
    {
        var restart = await PostAsync(new { type = "pipeline.restart" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, restart.Status);
        Assert.Contains("holds no command key (Commands:SigningKeyFile; gz provision writes cloud/command-key.pem)", Detail(restart.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_update_for_an_expired_manifest_is_refused_before_it_is_sent()
    {
        var content = RandomNumberGenerator.GetBytes(100);
        var folder = Path.Combine(host.Models, "expired", "1");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), content);
        var created = DateTimeOffset.UtcNow.AddDays(-10);
        var manifest = host.Programme.Sign(new ModelManifest
        {
            V = ContractVersion.Current,
            Name = "expired",
            Version = "1",
            VersionNumber = 1,
            Pipeline = "vitals-classification",
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Size = content.Length,
            Created = created,
            Expires = created.AddDays(1),
        });
        File.WriteAllBytes(Path.Combine(folder, "manifest.json"), JsonSerializer.SerializeToUtf8Bytes(manifest, GzJsonContext.Default.ModelManifest));

        var sent = await PostAsync(new { type = "model.update", arguments = new Dictionary<string, string> { ["name"] = "expired", ["version"] = "1" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, sent.Status);
        Assert.StartsWith($"the manifest of expired 1 expired at {manifest.Expires:O}; devices refuse it", Detail(sent.Body), StringComparison.Ordinal);
    }

    private static string Detail(string problem) => JsonDocument.Parse(problem).RootElement.GetProperty("detail").GetString()!;

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(object body)
    {
        using var response = await host.Http.PostAsJsonAsync(new Uri("/api/v1/devices/yuexiu-03/cmd-01/commands", UriKind.Relative), body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    // What gz model sign writes (the CLI itself is tested end to end).
    private ModelManifest Publish(string name, string version, byte[] content, ProgrammeSigner signer)
    {
        var folder = Path.Combine(host.Models, name, version);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), content);
        var manifest = signer.Sign(new ModelManifest
        {
            V = ContractVersion.Current,
            Name = name,
            Version = version,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Size = content.Length,
            Created = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
            VersionNumber = 1,
            Pipeline = "vitals-classification",
            Expires = new DateTimeOffset(2027, 11, 30, 8, 0, 0, TimeSpan.Zero),
        });
        File.WriteAllBytes(Path.Combine(folder, "manifest.json"), JsonSerializer.SerializeToUtf8Bytes(manifest, GzJsonContext.Default.ModelManifest));
        return manifest;
    }
}
