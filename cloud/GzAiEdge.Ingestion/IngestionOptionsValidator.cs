using Microsoft.Extensions.Options;

namespace GzAiEdge.Ingestion;

/// <summary>Fails the start on a bad ingestion config, naming each key.</summary>
public sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions o)
    {
        var errors = new List<string>();
        Range(errors, "Ingestion:BatchSize", o.BatchSize, 1, 100_000);
        Range(errors, "Ingestion:FlushMilliseconds", o.FlushMilliseconds, 1, 60_000);
        Range(errors, "Ingestion:ReceiveMaximum", o.ReceiveMaximum, 1, ushort.MaxValue);
        Range(errors, "Ingestion:Quota:MaxMessageBytes", o.Quota.MaxMessageBytes, 256, 256 * 1024 * 1024);
        Range(errors, "Ingestion:Quota:Burst", o.Quota.Burst, 1, 100_000_000);
        if (!(o.Quota.MessagesPerSecond is > 0 and <= 1_000_000))
        {
            errors.Add($"Ingestion:Quota:MessagesPerSecond = {o.Quota.MessagesPerSecond} is outside 0 < value <= 1000000");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Range(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key} = {value} is outside {min}..{max}");
        }
    }
}
