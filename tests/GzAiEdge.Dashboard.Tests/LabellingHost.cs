using GzAiEdge.Access.Accounts;
using GzAiEdge.Access.Authorization;
using GzAiEdge.Contracts.Messages;
using GzAiEdge.FieldAudits.Items;
using GzAiEdge.Scenarios.Kpis;
using GzAiEdge.Testing;

namespace GzAiEdge.Dashboard.Tests;

/// <summary>
/// A cloud process (real Mosquitto and InfluxDB) whose field-audit store holds received items of every kind, as the
/// evidence intake leaves them: detection frames, a product image, a vital-sign window and a vibration window, plus
/// <see cref="TimedCount"/> detection frames of their own scenario for the timed labelling run. Two evaluators, a
/// third for the timed run, and a provider's person sign in with <see cref="CloudAccounts.Password"/>.
/// </summary>
public sealed class LabellingHost : IAsyncLifetime
{
    public const string EvaluatorA = "eva-a";
    public const string EvaluatorB = "eva-b";
    public const string Timer = "eva-timer";
    public const string Provider = "prov-a";
    public const string Traffic = "traffic-tianhe-flow";
    public const string TimedScenario = "traffic-nansha-detect-02";
    public const int TimedCount = 100;

    public TempFolder Folder { get; } = new("gz-labelling");

    public MosquittoBroker Broker { get; private set; } = null!;

    public InfluxDbServer Influx { get; private set; } = null!;

    public ChildProcess Cloud { get; private set; } = null!;

    public Uri Api { get; private set; } = null!;

    /// <summary>The store the cloud reads (its working folder's <c>field-audits</c>).</summary>
    public string Store => FieldAuditSeeds.StoreOf(Folder);

    /// <summary>A traffic frame whose device output has a vehicle right and a pedestrian called a vehicle.</summary>
    public FieldItem Frame { get; private set; } = null!;

    public FieldItem Product { get; private set; } = null!;

    public FieldItem Vitals { get; private set; } = null!;

    public FieldItem Vibration { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var broker = MosquittoBroker.StartAsync();
        var influx = InfluxDbServer.StartAsync();
        (Broker, Influx) = (await broker, await influx);
        foreach (var name in new[] { EvaluatorA, EvaluatorB, Timer })
        {
            CloudAccounts.Add(Folder, new AccountSpec(name, [Roles.Evaluator], null, []));
        }

        CloudAccounts.Add(Folder, new AccountSpec(Provider, [Roles.Provider], "Tianhe Traffic AI (demo)", []));
        Frame = FieldAuditSeeds.Detection(Store, Traffic, "tianhe-01", "cam-01", 1,
            [new AuditBox("vehicle", 0.91, 40, 40, 120, 100), new AuditBox("vehicle", 0.55, 200, 150, 230, 220)]);
        Product = FieldAuditSeeds.Classification(Store, "mfg-huangpu-inspection", "huangpu-02", "line-01", 7, PipelineNames.VisualInspection, ["ok", "defect"], 0);
        Vitals = FieldAuditSeeds.Classification(Store, "med-yuexiu-vitals", "yuexiu-03", "bed-07", 9, PipelineNames.VitalsClassification, ["normal", "abnormal"], 1);
        Vibration = FieldAuditSeeds.Anomaly(Store, "mfg-yuexiu-vibration-06", "yuexiu-06", "pump-01", 11, 0.08);
        for (var seq = 1; seq <= TimedCount; seq++)
        {
            // One to three objects per frame, placed apart so that each can be clicked.
            var boxes = Enumerable.Range(0, 1 + (seq % 3))
                .Select(i => new AuditBox(i == 2 ? "pedestrian" : "vehicle", 0.8, 20 + (i * 100), 30 + (seq % 7 * 10), 90 + (i * 100), 100 + (seq % 7 * 10))).ToList();
            FieldAuditSeeds.Detection(Store, TimedScenario, "nansha-02", "cam-02", seq, boxes);
        }

        (Cloud, Api) = await GzProcesses.StartCloudAsync(Broker, Influx, Folder);
    }

    public async Task DisposeAsync()
    {
        await Cloud.DisposeAsync();
        await Broker.DisposeAsync();
        await Influx.DisposeAsync();
        Folder.Dispose();
    }
}
