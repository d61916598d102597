using System.CommandLine;
using System.Text;
using GzAiEdge.Scenarios.Kpis;

namespace GzAiEdge.Cli.Commands;

/// <summary>
/// <c>gz kpis</c>: the KPI catalogue, one line per key; <c>gz kpis --markdown</c> prints docs/kpis.md as the catalogue
/// renders it (<see cref="KpiCatalogueMarkdown.RegenerateCommand"/>).
/// </summary>
internal static class KpisCommand
{
    public static Command Create()
    {
        var markdown = new Option<bool>("--markdown") { Description = "Print docs/kpis.md as rendered from the catalogue (UTF-8, \\n line ends)" };
        var command = new Command("kpis", "List every KPI key of the catalogue: kind, unit, label and which pipelines emit it") { markdown };
        command.SetAction(result =>
        {
            if (result.GetValue(markdown))
            {
                // Bytes, not Console.Write: the document is UTF-8 whatever the terminal's locale says.
                using var stdout = Console.OpenStandardOutput();
                stdout.Write(Encoding.UTF8.GetBytes(KpiCatalogueMarkdown.Render()));
                return 0;
            }

            // Plain lines, one per key, so that the list can be searched and piped whatever the terminal's width.
            var width = KpiCatalogue.All.Max(k => k.Key.Length);
            foreach (var k in KpiCatalogue.All)
            {
                var emitters = k.ComputedByPlatform
                    ? k.Truth == TruthSource.Audit ? $"from audits of {string.Join(", ", KpiCatalogue.ComputedFor(k))}" : "computed by the platform"
                    : string.Join(", ", [.. k.Pipelines, .. k.Simulations.Select(s => $"simulation {s}")]);
                var unit = k.Unit.Length > 0 ? $" ({k.Unit})" : string.Empty;
                Console.WriteLine($"{k.Key.PadRight(width)}  {k.Kind.Text(),-10}  {k.LabelEn}{unit} · {k.LabelZh} · {emitters}");
            }

            return 0;
        });
        return command;
    }
}
