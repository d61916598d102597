using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Validation;

namespace GzAiEdge.HotPath.Bench;

/// <summary>
/// What a signed command costs: the cloud signing one (canonical bytes, SHA-256, ECDSA P-256), and a device checking
/// one, from the signature alone and from the payload as it arrives (parse, canonical bytes, verify).
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class CommandSigningBenchmarks
{
    private CommandSigner _signer = null!;
    private CommandKeyRing _ring = null!;
    private DeviceCommand _command = null!;
    private DeviceCommand _signed = null!;
    private byte[] _wire = [];

    [GlobalSetup]
    public void Setup()
    {
        _signer = CommandSigner.Create();
        _ring = CommandKeyRing.FromPem([(_signer.PublicKeyPem, "command-key.pub.pem")]);
        var issued = DateTimeOffset.UtcNow;
        _command = new DeviceCommand
        {
            V = ContractVersion.Current,
            Id = Guid.NewGuid().ToString("N"),
            Site = "yuexiu-03",
            Device = "ward-05",
            Issued = issued,
            Expires = issued.AddMinutes(10),
            Type = "config.set",
            Arguments = new Dictionary<string, string> { ["Pipeline:DecisionThreshold"] = "0.6", ["Source:Speed"] = "2" },
        };
        _signed = _signer.Sign(_command);
        _wire = JsonSerializer.SerializeToUtf8Bytes(_signed, GzJsonContext.Default.DeviceCommand);
    }

    /// <summary>The cloud, per command it sends.</summary>
    [Benchmark]
    public DeviceCommand Sign() => _signer.Sign(_command);

    /// <summary>The device's signature check on a parsed command.</summary>
    [Benchmark(Baseline = true)]
    public bool Verify() => _ring.Check(_signed).IsValid;

    /// <summary>The device, per command it receives, up to the point where it trusts it.</summary>
    [Benchmark]
    public bool ReadAndVerify() =>
        MessageReader.TryParse(_wire, GzJsonContext.Default.DeviceCommand, out var command, out _) && _ring.Check(command).IsValid;

    [GlobalCleanup]
    public void Cleanup()
    {
        _ring.Dispose();
        _signer.Dispose();
    }
}
