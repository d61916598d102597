using System.Text.Json.Serialization;

namespace GzAiEdge.Audits.TestSets;

/// <summary>
/// A test set's truth, stored apart from its inputs and never sent to a device: per item, its boxes (detection), its
/// class (classification, anomaly) or its episodes (series). Classes are indexes into <see cref="Classes"/>.
/// </summary>
/// <param name="Pipeline">The pipeline the set is for.</param>
/// <param name="Classes">Class names, by index.</param>
/// <param name="Items">One entry per item, in the inputs' order.</param>
/// <param name="MinEpisodeSamples">Series: samples of a window inside an episode from which the window counts as abnormal.</param>
public sealed record TestSetLabels(string Pipeline, IReadOnlyList<string> Classes, IReadOnlyList<ItemLabel> Items, int MinEpisodeSamples = 0);

/// <summary>The truth of one item; which member is set depends on the pipeline.</summary>
public sealed record ItemLabel(string Id)
{
    /// <summary>Detection: the labelled boxes, in item pixels.</summary>
    public IReadOnlyList<LabelBox>? Boxes { get; init; }

    /// <summary>Classification and anomaly: the class index.</summary>
    public int? Class { get; init; }

    /// <summary>Series: the labelled episodes, in seconds from the first sample.</summary>
    public IReadOnlyList<LabelEpisode>? Episodes { get; init; }

    /// <summary>Series: its samples, so that an answer's windows can be checked to cover it.</summary>
    public int? Samples { get; init; }

    /// <summary>Series: its sample rate.</summary>
    public double? SampleHz { get; init; }
}

/// <summary>A labelled box: class index and corners.</summary>
public sealed record LabelBox(int Class, double X1, double Y1, double X2, double Y2);

/// <summary>A labelled episode of a series: [<see cref="Start"/>, <see cref="End"/>) in seconds, and its kind.</summary>
public sealed record LabelEpisode(double Start, double End, string Kind);

/// <summary>Serialization of the cloud's own audit records (camelCase; labels, results and item maps).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TestSetLabels))]
[JsonSerializable(typeof(Dictionary<string, int>))]
[JsonSerializable(typeof(List<Runs.AuditItem>))]
[JsonSerializable(typeof(Runs.PartResult))]
internal sealed partial class AuditsJsonContext : JsonSerializerContext;
