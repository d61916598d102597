using Microsoft.Extensions.Options;

namespace GzAiEdge.Ingestion;

/// <summary>Fails the start on a bad ingestion config, naming each key.</summary>
public sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.BrokerHost))
        {
            errors.Add("Ingestion:BrokerHost must name the broker host");
        }

        Range(errors, "Ingestion:BrokerPort", o.BrokerPort, 1, 65535);
        Range(errors, "Ingestion:BatchSize", o.BatchSize, 1, 100_000);
        Range(errors, "Ingestion:FlushMilliseconds", o.FlushMilliseconds, 1, 60_000);
        Range(errors, "Ingestion:ReceiveMaximum", o.ReceiveMaximum, 1, ushort.MaxValue);
        if (string.IsNullOrWhiteSpace(o.ClientId))
        {
            errors.Add("Ingestion:ClientId must be set, and unique per ingestion instance");
        }

        if (o.CaFile is { Length: > 0 } ca && !File.Exists(ca))
        {
            errors.Add($"Ingestion:CaFile: file '{ca}' not found");
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
