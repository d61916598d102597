using GzAiEdge.Scenarios.Types;

namespace GzAiEdge.Scenarios.Tests.Types;

public class PipelineKpisTests
{
    [Theory]
    [InlineData("environment", "temperature_mean_c", true)]
    [InlineData("environment", "samples", true)]
    [InlineData("environment", "inference_p95_ms", false)]
    [InlineData("traffic-loop", "occupancy", true)]
    [InlineData("traffic-loop", "pedestrian_count", false)]
    [InlineData("traffic-loop", "inferences_per_s", false)]
    [InlineData("vibration-anomaly", "inference_p95_ms", true)]
    public void Sensor_pipelines_without_a_model_emit_their_measurements_and_samples_but_no_inference_timings(string pipeline, string key, bool emitted) =>
        Assert.Equal(emitted, PipelineKpis.Emits(pipeline, key));
}
