using System.Globalization;
using GzAiEdge.Contracts.Topics;
using GzAiEdge.Contracts.Validation;
using GzAiEdge.Scenarios.Catalogue;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Ingestion.Bounds;

/// <summary>
/// What a device may claim, beyond a well-formed message: a time within <see cref="ReportBoundsOptions"/> of
/// ingestion's clock, and a scenario whose catalogue entry lists the device. The hot path asks
/// <see cref="Accepts"/> (no allocation: a clock read, two comparisons and one hash lookup); a report it refuses goes
/// the general way, where <see cref="CheckTime"/> and <see cref="CheckListed"/> give the dead letter its reason.
/// </summary>
public sealed class ReportBounds(ScenarioCatalogue catalogue, IOptions<ReportBoundsOptions> options, TimeProvider time)
{
    private readonly TimeSpan _maxFuture = TimeSpan.FromSeconds(options.Value.MaxFutureSeconds);
    private readonly TimeSpan _horizon = TimeSpan.FromDays(options.Value.HorizonDays);

    /// <summary>Whether the report read in place ends within the bounds and its scenario lists its device.</summary>
    public bool Accepts(scoped in Utf8KpiReport report)
    {
        var now = time.GetUtcNow().UtcTicks;
        if (report.WindowEndTicks > now + _maxFuture.Ticks || report.WindowEndTicks < now - _horizon.Ticks)
        {
            return false;
        }

        Span<char> scenario = stackalloc char[Identifiers.MaxLength];
        Span<char> site = stackalloc char[Identifiers.MaxLength];
        Span<char> device = stackalloc char[Identifiers.MaxLength];
        return Ascii(report.Scenario, scenario, out var s) && Ascii(report.Site, site, out var i) && Ascii(report.Device, device, out var d)
            && catalogue.Lists(scenario[..s], site[..i], device[..d]);
    }

    /// <summary>Why <paramref name="field"/> = <paramref name="value"/> is outside the bounds; null when it is within.</summary>
    public string? CheckTime(string field, DateTimeOffset value)
    {
        var now = time.GetUtcNow();
        var where = $"{field} = '{value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}'";
        if (value > now + _maxFuture)
        {
            return $"{where}: {Span(value - now)} ahead of ingestion's clock, more than the {Span(_maxFuture)} taken (ReportBounds:MaxFutureSeconds); check the device's clock";
        }

        return value < now - _horizon
            ? $"{where}: {Span(now - value)} ago, beyond the acceptance horizon of {options.Value.HorizonDays} days (ReportBounds:HorizonDays)"
            : null;
    }

    /// <summary>Why <paramref name="site"/>/<paramref name="device"/> may not report for <paramref name="scenario"/>; null when the catalogue lists it there.</summary>
    public string? CheckListed(string scenario, string site, string device)
    {
        if (!catalogue.TryGet(scenario, out var entry))
        {
            return $"scenario = '{scenario}': not in the scenario catalogue";
        }

        if (catalogue.Lists(scenario, site, device))
        {
            return null;
        }

        var listed = entry.Sites.SelectMany(s => s.Devices.Select(d => $"{s.Site}/{d}")).ToList();
        var lists = listed.Count == 0 ? "it lists no devices"
            : $"it lists {string.Join(", ", listed.Take(5))}{(listed.Count > 5 ? $" and {listed.Count - 5} more" : string.Empty)}";
        return $"scenario = '{scenario}': the catalogue does not list {site}/{device} under it ({lists}); a device reports only for the scenarios that list it";
    }

    // Ids were checked as identifiers (printable ASCII), so each byte is its character.
    private static bool Ascii(ReadOnlySpan<byte> bytes, Span<char> chars, out int length)
    {
        length = bytes.Length;
        if (bytes.Length > chars.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i];
        }

        return true;
    }

    private static string Span(TimeSpan span) => span.TotalDays >= 2
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} days")
        : span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h") : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s");
}
