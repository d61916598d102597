using Microsoft.Extensions.Options;

namespace GzAiEdge.Ingestion.DeadLetters;

/// <summary>Fails the start on dead-letter bounds that cannot hold even one letter.</summary>
public sealed class DeadLetterOptionsValidator : IValidateOptions<DeadLetterOptions>
{
    /// <summary>Room a letter needs beyond its payload: its topic and reason.</summary>
    public const int Overhead = 8 * 1024;

    public ValidateOptionsResult Validate(string? name, DeadLetterOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            errors.Add("DeadLetters:Path must name the SQLite file");
        }

        if (options.MaxAgeDays is < 1 or > 3650)
        {
            errors.Add($"DeadLetters:MaxAgeDays = {options.MaxAgeDays} is outside 1..3650");
        }

        if (options.MaxPayloadBytes is < 256 or > 16 * 1024 * 1024)
        {
            errors.Add($"DeadLetters:MaxPayloadBytes = {options.MaxPayloadBytes} is outside 256..16777216");
        }
        else if (options.MaxTotalBytes < 16L * (options.MaxPayloadBytes + Overhead))
        {
            errors.Add($"DeadLetters:MaxTotalBytes = {options.MaxTotalBytes} holds fewer than 16 letters of DeadLetters:MaxPayloadBytes ({options.MaxPayloadBytes}); "
                + $"give it at least {16L * (options.MaxPayloadBytes + Overhead)}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
