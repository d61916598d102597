using Microsoft.Extensions.Options;

namespace GzAiEdge.Ingestion.Bounds;

/// <summary>Fails the start on bounds that would refuse every report or none.</summary>
public sealed class ReportBoundsOptionsValidator : IValidateOptions<ReportBoundsOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportBoundsOptions options)
    {
        var errors = new List<string>();
        if (options.MaxFutureSeconds is < 0 or > 86_400)
        {
            errors.Add($"ReportBounds:MaxFutureSeconds = {options.MaxFutureSeconds} is outside 0..86400 (a day)");
        }

        if (options.HorizonDays is < 1 or > 3650)
        {
            errors.Add($"ReportBounds:HorizonDays = {options.HorizonDays} is outside 1..3650");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
