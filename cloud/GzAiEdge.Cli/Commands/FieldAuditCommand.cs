using System.CommandLine;
using System.Globalization;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.FieldAudits.Items;
using GzAiEdge.FieldAudits.Sampling;

namespace GzAiEdge.Cli.Commands;

/// <summary>
/// <c>gz field-audit derive</c>: re-derives a field-audit sample from a revealed seed and a window's public data (the
/// report's seq and stored SHA-256), so that anyone can check what the cloud asked a device for (docs/field-audits.md).
/// </summary>
internal static class FieldAuditCommand
{
    public static Command Create()
    {
        var seed = new Option<string>("--seed") { Description = "The revealed seed (64 hex digits; GET /api/v1/field-audits/periods)", Required = true };
        var commitment = new Option<string?>("--commitment") { Description = "The seed's SHA-256 published when the period was committed: checked first" };
        var period = new Option<string>("--period") { Description = "The period's id", Required = true };
        var site = new Option<string>("--site") { Required = true };
        var device = new Option<string>("--device") { Required = true };
        var seq = new Option<long>("--seq") { Description = "The window's report seq", Required = true };
        var hash = new Option<string>("--report-hash") { Description = "SHA-256 of the report as stored (its received hash)", Required = true };
        var per = new Option<int>("--per-stratum") { Description = "Items per window and stratum of the period", DefaultValueFactory = _ => 1 };
        var derive = new Command("derive", "Print the items a window gives: id, stratum and draw (the device shows input ⌊draw × n⌋ of its n inputs of the stratum)")
        {
            seed, commitment, period, site, device, seq, hash, per,
        };
        derive.SetAction(result =>
        {
            var s = result.GetValue(seed)!;
            if (s.Length != 64 || !s.All(char.IsAsciiHexDigit) || !ChainHash.IsWellFormed(result.GetValue(hash)!.ToLowerInvariant()))
            {
                Console.Error.WriteLine("gz field-audit derive: --seed and --report-hash must be 64 hex digits each");
                return 2;
            }

            s = s.ToLowerInvariant();
            if (result.GetValue(commitment) is { } published && !string.Equals(published, SampleDraw.Commitment(s), StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"gz field-audit derive: the seed's SHA-256 is {SampleDraw.Commitment(s)}, not the published {published}: not the committed seed");
                return 1;
            }

            foreach (var stratum in Strata.All)
            {
                for (var j = 0; j < result.GetValue(per); j++)
                {
                    var draw = SampleDraw.Derive(s, result.GetValue(site)!, result.GetValue(device)!, result.GetValue(seq), result.GetValue(hash)!.ToLowerInvariant(), stratum, j);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{SampleDraw.ItemId(result.GetValue(period)!, result.GetValue(site)!, result.GetValue(device)!, result.GetValue(seq), stratum, j)}  {stratum,-8}  {draw:R}"));
                }
            }

            return 0;
        });
        return new Command("field-audit", "Field audits: re-derive a sample from a revealed seed") { derive };
    }
}
