using System.Text;
using System.Text.Json;
using GzAiEdge.Contracts.Commands;
using GzAiEdge.Contracts.Json;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Contracts.Validation;

namespace GzAiEdge.Contracts.Tests.Validation;

public sealed class DeviceCommandValidatorTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly GzTopic Topic = GzTopic.Create("yuexiu-03", "ward-05", MessageKind.Cmd);

    [Fact]
    public void Each_type_with_its_arguments_reads_back_from_the_wire()
    {
        foreach (var command in new[]
        {
            Command(CommandTypes.ConfigSet, new() { ["Pipeline:DecisionThreshold"] = "0.6", ["Source:Speed"] = "50" }),
            Command(CommandTypes.PipelineRestart, null),
            Command(CommandTypes.ModelUpdate, new() { ["name"] = "vitals-classifier", ["version"] = "2" }),
        })
        {
            var wire = JsonSerializer.SerializeToUtf8Bytes(command, GzJsonContext.Default.DeviceCommand);

            Assert.True(MessageReader.TryRead(wire, GzJsonContext.Default.DeviceCommand, Topic, out var read, out var errors), ContractError.Join(errors));
            Assert.Equal(command.Arguments ?? new Dictionary<string, string>(), read.Arguments ?? new Dictionary<string, string>());
        }
    }

    [Fact]
    public void A_command_for_another_device_than_its_topic_is_refused()
    {
        var wire = JsonSerializer.SerializeToUtf8Bytes(Command(CommandTypes.PipelineRestart, null) with { Device = "ward-06" }, GzJsonContext.Default.DeviceCommand);

        Assert.False(MessageReader.TryRead(wire, GzJsonContext.Default.DeviceCommand, Topic, out _, out var errors));
        Assert.Equal("device = 'ward-06': differs from the topic's device 'ward-05'", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Bad_fields_are_each_named_with_the_reason()
    {
        var command = Command("model.delete", new() { ["x"] = "1" }) with { Id = "Not/An/Id", Expires = Issued.AddDays(8) };

        var errors = DeviceCommandValidator.Validate(command);

        Assert.Equal(["id", "expires", "type"], errors.Select(e => e.Field));
        Assert.Contains("more than 7 days", errors[1].Why, StringComparison.Ordinal);
        Assert.Equal("is not one of config.set, pipeline.restart, model.update, audit.run, evidence.fetch", errors[2].Why);
    }

    [Theory]
    [InlineData(CommandTypes.ConfigSet, "", "x", "arguments.: is not a configuration key")]
    [InlineData(CommandTypes.ConfigSet, "Pipeline:Decision Threshold", "x", "is not a configuration key")]
    [InlineData(CommandTypes.ConfigSet, "Pipeline:X", "a\nb", "without control characters")]
    [InlineData(CommandTypes.PipelineRestart, "Pipeline:X", "1", "pipeline.restart takes no arguments")]
    [InlineData(CommandTypes.ModelUpdate, "name", "../../etc", "arguments.name = '../../etc': '../../etc' must start with a-z or 0-9")]
    public void Arguments_are_checked_for_their_type(string type, string key, string value, string why)
    {
        var errors = DeviceCommandValidator.Validate(Command(type, new() { [key] = value }));

        Assert.Contains(errors, e => e.ToString().Contains(why, StringComparison.Ordinal));
    }

    [Fact]
    public void One_configuration_key_spelt_twice_is_refused()
    {
        var error = Assert.Single(DeviceCommandValidator.Validate(Command(CommandTypes.ConfigSet, new() { ["Pipeline:X"] = "1", ["pipeline:x"] = "2" })));

        Assert.Equal("arguments = 'Pipeline:X, pipeline:x': names one configuration key twice (keys ignore case)", error.ToString());
    }

    [Fact]
    public void An_expiry_before_the_issue_time_or_not_in_utc_is_refused()
    {
        var errors = DeviceCommandValidator.Validate(Command(CommandTypes.PipelineRestart, null) with
        {
            Issued = new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.FromHours(8)),
            Expires = Issued.AddSeconds(-1),
        });

        Assert.Equal(["issued: must be UTC (end in Z)", "expires: must be after issued"], errors.Select(e => $"{e.Field}: {e.Why}"));
    }

    [Fact]
    public void An_unknown_member_is_an_error_not_silently_dropped()
    {
        var wire = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(Command(CommandTypes.PipelineRestart, null), GzJsonContext.Default.DeviceCommand))
            .Replace("\"v\":1", "\"v\":1,\"sudo\":true", StringComparison.Ordinal);

        Assert.False(MessageReader.TryRead(Encoding.UTF8.GetBytes(wire), GzJsonContext.Default.DeviceCommand, Topic, out _, out var errors));
        Assert.Contains("sudo", Assert.Single(errors).Why, StringComparison.Ordinal);
    }

    private static DeviceCommand Command(string type, Dictionary<string, string>? arguments) => new()
    {
        V = ContractVersion.Current,
        Id = "0123456789abcdef0123456789abcdef",
        Site = "yuexiu-03",
        Device = "ward-05",
        Issued = Issued,
        Expires = Issued.AddMinutes(10),
        Type = type,
        Arguments = arguments,
    };
}
