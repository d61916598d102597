using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>Checks the outbox's bounds and checkpoints (section <c>Outbox</c>), naming file, line and key.</summary>
public sealed class OutboxOptionsValidator(ConfigurationLocator locator) : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var errors = new OptionErrors(locator);
        errors.Range("Outbox:MaxBytes", options.MaxBytes, 4096, 1L << 40);
        errors.Range("Outbox:MaxAgeMinutes", options.MaxAgeMinutes, 1, 365 * 24 * 60);
        errors.Range("Outbox:CheckpointEvery", options.CheckpointEvery, 1, 100_000);
        return errors.Result();
    }
}
