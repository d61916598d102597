using System.Text.Json;
using GzAiEdge.Contracts.Audits;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.Contracts.Validation;

namespace GzAiEdge.Contracts.Tests.Audits;

/// <summary>The audit manifest the programme signs and the answer a device signs: what verifies and what does not.</summary>
public sealed class AuditSigningTests
{
    [Fact]
    public void A_manifest_signed_by_the_programme_verifies_through_the_command_arguments_and_a_changed_one_does_not()
    {
        using var programme = ProgrammeSigner.Create();
        using var key = SignatureCheck.FromPem(programme.PublicKeyPem, "test");
        var signed = programme.Sign(AuditSamples.Manifest());

        Assert.True(AuditArguments.TryRead(AuditArguments.Of(signed), signed.Site, signed.Device, out var carried, out var errors), ContractError.Join(errors));
        Assert.Equal(signed, carried);
        Assert.Empty(AuditManifestValidator.Verify(carried, key));
        Assert.Contains("the audit manifest was changed after it was signed", ContractError.Join(AuditManifestValidator.Verify(carried with { Seed = 7 }, key)), StringComparison.Ordinal);
        Assert.Contains("the audit manifest was changed after it was signed", ContractError.Join(AuditManifestValidator.Verify(carried with { Device = "cam-02" }, key)), StringComparison.Ordinal);
        Assert.Contains("the audit manifest is not signed", ContractError.Join(AuditManifestValidator.Verify(carried with { Kid = null, Sig = null }, key)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_manifest_signature_does_not_pass_for_an_audit_manifest()
    {
        using var programme = ProgrammeSigner.Create();
        using var key = SignatureCheck.FromPem(programme.PublicKeyPem, "test");
        var model = programme.Sign(new ModelManifest
        {
            V = 1,
            Name = "gz-traffic",
            Version = "2026.1",
            Sha256 = new string('b', 64),
            Size = 3_921_788,
            Created = AuditSamples.Created,
            VersionNumber = 1,
            Pipeline = "traffic-detection",
            Expires = AuditSamples.Created.AddDays(30)
        });

        var errors = AuditManifestValidator.Verify(programme.Sign(AuditSamples.Manifest()) with { Sig = model.Sig }, key);

        Assert.Contains(errors, e => e.Field == "sig");
    }

    [Fact]
    public void Arguments_name_what_is_missing_extra_or_malformed()
    {
        var arguments = AuditArguments.Of(AuditSamples.Manifest());
        arguments.Remove("nonce");
        arguments["colour"] = "red";
        arguments["seed"] = "-1";

        Assert.False(AuditArguments.TryRead(arguments, "tianhe-01", "cam-01", out _, out var errors));

        Assert.Contains(errors, e => e.ToString() == "arguments.nonce: is missing");
        Assert.Contains(errors, e => e.Field == "arguments.colour");
        var command = new DeviceCommand
        {
            V = 1,
            Id = new string('e', 32),
            Site = "tianhe-01",
            Device = "cam-01",
            Issued = AuditSamples.Created,
            Expires = AuditSamples.Created.AddHours(1),
            Type = "audit.run",
            Arguments = AuditArguments.Of(AuditSamples.Manifest() with { Url = "https://elsewhere.example/x" }),
        };
        Assert.Contains(DeviceCommandValidator.Validate(command), e => e.Field == "arguments.url" && e.Why.StartsWith("must be a path under the cloud API", StringComparison.Ordinal));
    }

    [Fact]
    public void An_answer_signed_by_its_device_verifies_after_a_round_trip_through_JSON_and_not_once_changed()
    {
        using var device = DeviceSigner.Create();
        using var key = SignatureCheck.FromPem(device.PublicKeyPem, "test");
        var json = JsonSerializer.SerializeToUtf8Bytes(device.Sign(AuditSamples.Answer()), GzJsonContext.Default.AuditAnswer);

        Assert.True(MessageReader.TryReadAuditAnswer(json, out var read, out var errors), ContractError.Join(errors));
        Assert.Empty(AuditAnswerValidator.Verify(read, key));
        Assert.Equal(CanonicalBytes.Of(device.Sign(AuditSamples.Answer()) with { Sig = null }), CanonicalBytes.Of(read with { Sig = null }));
        var changed = read with { Items = [read.Items[0] with { Boxes = [read.Items[0].Boxes![0] with { Score = 0.95 }] }, .. read.Items.Skip(1)] };
        Assert.Contains("the answer was changed after it was signed", ContractError.Join(AuditAnswerValidator.Verify(changed, key)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_with_two_kinds_of_output_or_an_id_twice_is_malformed()
    {
        var answer = AuditSamples.Answer();
        var items = answer.Items.ToList();
        items[1] = items[1] with { Boxes = [] };
        items.Add(items[0]);

        var errors = AuditAnswerValidator.Validate(answer with { Items = items });

        Assert.Contains(errors, e => e.Field == "items[1]" && e.Why.StartsWith("must carry exactly one kind of output", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "items[4].id" && e.Why == "answered twice");
    }
}
