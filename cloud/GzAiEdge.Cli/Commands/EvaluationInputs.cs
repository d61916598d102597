using System.CommandLine;
using System.Globalization;
using GzAiEdge.Evaluation;
using GzAiEdge.Evaluation.Audits;
using GzAiEdge.Evaluation.Verification;
using GzAiEdge.Scenarios.Catalogue;
using GzAiEdge.Scenarios.Programmes;
using GzAiEdge.TimeSeries;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace GzAiEdge.Cli.Commands;

/// <summary>The options every evaluation command shares: where the data and the programme are, and which period.</summary>
internal sealed class EvaluationInputs
{
    public Option<string> Influx { get; } = new("--influx") { Description = "InfluxDB 1.x HTTP address", DefaultValueFactory = _ => "http://127.0.0.1:8086" };

    public Option<string> Database { get; } = new("--database") { Description = "InfluxDB database", DefaultValueFactory = _ => "gz" };

    public Option<string> Catalogue { get; } = new("--catalogue") { Description = "Programme catalogue", DefaultValueFactory = _ => "firmware-configs/scenarios/catalogue.yaml" };

    public Option<string?> Types { get; } = new("--types") { Description = "Scenario type folder (default: types/ beside the catalogue)" };

    public Option<string[]> Scenarios { get; } = new("--scenario") { Description = "Scenario id (repeatable; default: the whole programme)" };

    public Option<string?> From { get; } = new("--from") { Description = "Period start, UTC (default: each scenario's catalogue period)" };

    public Option<string?> To { get; } = new("--to") { Description = "Period end, UTC, exclusive" };

    public Option<string?> Last { get; } = new("--last") { Description = "Period: the last 90s, 15m, 2h or 30d up to now (instead of --from/--to)" };

    public Option<string?> Keys { get; } = new("--keys") { Description = "Key registry (public keys) from gz provision: verify the reports' signed chains as evidence" };

    public Option<int> Parallel { get; } = new("--parallel") { Description = "Scenarios evaluated at once", DefaultValueFactory = _ => 4 };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Influx, Database, Catalogue, Types, Scenarios, From, To, Last, Keys, Parallel })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Resolves everything; prints what is wrong and returns null when something is.</summary>
    public Resolved? Resolve(ParseResult result)
    {
        try
        {
            var catalogue = result.GetValue(Catalogue)!;
            var types = result.GetValue(Types) ?? ProgrammeLoader.DefaultTypesFolder(catalogue);
            var programme = ProgrammeLoader.Load(catalogue, types);
            var scenarios = new List<Scenario>();
            foreach (var id in result.GetValue(Scenarios) ?? [])
            {
                scenarios.Add(programme.Catalogue.TryGet(id, out var s) ? s : throw new InputException($"--scenario '{id}' is not in {catalogue}"));
            }

            if (!Uri.TryCreate(result.GetValue(Influx), UriKind.Absolute, out var influx) || influx.Scheme is not ("http" or "https"))
            {
                throw new InputException($"--influx '{result.GetValue(Influx)}' is not an http(s) address, e.g. http://127.0.0.1:8086");
            }

            var counter = new QueryCounter();
            var client = new InfluxDbClient(new HttpClient(counter), Options.Create(new InfluxDbOptions
            {
                BaseAddress = influx,
                Database = result.GetValue(Database)!,
                Timeout = TimeSpan.FromMinutes(2),
            }));
            var keys = result.GetValue(Keys);
            if (keys is not null && !File.Exists(keys))
            {
                throw new InputException($"--keys '{keys}': no such file (gz provision writes cloud/device-keys.json)");
            }

            IEvidenceVerifier evidence = keys is null ? new EvidenceNotChecked() : new ChainEvidence(new ChainReader(client), keys);
            return new Resolved(programme, scenarios.Count == 0 ? null : scenarios, Period(result), client, counter, Math.Clamp(result.GetValue(Parallel), 1, 64), evidence,
                new NoAuditResults());
        }
        catch (Exception ex) when (ex is CatalogueException or InputException)
        {
            Console.Error.WriteLine("gz: cannot evaluate:");
            foreach (var line in ex.Message.Split(Environment.NewLine))
            {
                Console.Error.WriteLine($"  {line}");
            }

            return null;
        }
    }

    /// <summary>The period the options give (null: each scenario's own), or why they give none.</summary>
    public DemonstrationPeriod? TryPeriod(ParseResult result, out string? error)
    {
        try
        {
            error = null;
            return Period(result);
        }
        catch (InputException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private DemonstrationPeriod? Period(ParseResult result)
    {
        var (from, to, last) = (result.GetValue(From), result.GetValue(To), result.GetValue(Last));
        if (last is not null)
        {
            var now = DateTimeOffset.UtcNow;
            var end = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            return new DemonstrationPeriod(end - Duration(last), end);
        }

        if (from is null && to is null)
        {
            return null;
        }

        var start = Time(from, "--from");
        var stop = Time(to, "--to");
        return stop > start ? new DemonstrationPeriod(start, stop) : throw new InputException($"--to ({to}) must be after --from ({from})");
    }

    private static TimeSpan Duration(string text)
    {
        var unit = text[^1];
        if (text.Length > 1 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            switch (unit)
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'd': return TimeSpan.FromDays(n);
            }
        }

        throw new InputException($"--last '{text}' is not a duration like 90s, 15m, 2h or 30d");
    }

    private static DateTimeOffset Time(string? text, string option) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new InputException($"{option} '{text}' must be a UTC time like 2026-03-01 or 2026-03-01T08:00:00Z (give both --from and --to)");

    /// <summary>Runs the evaluation with a progress bar on a terminal, or a line per tenth elsewhere.</summary>
    public static async Task<ProgrammeEvaluation> EvaluateAsync(Resolved inputs, CancellationToken cancellationToken)
    {
        var evaluator = new ProgrammeEvaluator(new ScenarioEvaluator(new ScenarioReader(inputs.Client), inputs.Evidence, inputs.Audits));
        var total = inputs.Scenarios?.Count ?? inputs.Programme.Catalogue.All.Count;
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var done = 0;
            var progress = new ProgressCallback(_ =>
            {
                var n = Interlocked.Increment(ref done);
                if (n == total || n % Math.Max(1, total / 10) == 0)
                {
                    Console.Error.WriteLine($"evaluated {n}/{total}");
                }
            });
            return await evaluator.EvaluateAsync(inputs.Programme, inputs.Scenarios, inputs.Period, inputs.Parallelism, progress, cancellationToken);
        }

        return await AnsiConsole.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("evaluating scenarios", maxValue: total);
            return await evaluator.EvaluateAsync(inputs.Programme, inputs.Scenarios, inputs.Period, inputs.Parallelism, new ProgressCallback(_ => task.Increment(1)), cancellationToken);
        });
    }

    /// <summary>Calls back on the reporting thread (Progress&lt;T&gt; would post to the thread pool and lag).</summary>
    private sealed class ProgressCallback(Action<ScenarioEvaluation> report) : IProgress<ScenarioEvaluation>
    {
        public void Report(ScenarioEvaluation value) => report(value);
    }

    /// <summary>A command-line value that cannot be used; the message names the option.</summary>
    private sealed class InputException(string message) : Exception(message);

    internal sealed record Resolved(Programme Programme, IReadOnlyList<Scenario>? Scenarios, DemonstrationPeriod? Period, InfluxDbClient Client, QueryCounter Counter,
        int Parallelism, IEvidenceVerifier Evidence, IAuditResults Audits);
}
