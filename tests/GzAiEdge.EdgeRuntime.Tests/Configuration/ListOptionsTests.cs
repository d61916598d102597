using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.Testing;

namespace GzAiEdge.EdgeRuntime.Tests.Configuration;

public sealed class ListOptionsTests
{
    [Fact]
    public void Every_list_option_of_every_section_the_worker_binds_is_exactly_what_was_configured()
    {
        var (mismatches, lists) = ListOptionsBinding.Check(b => b.AddDeviceSettings().AddEdgeRuntime());

        Assert.Empty(mismatches);
        // Found by reflection: a list added to any options type is checked without naming it here.
        Assert.Contains("Pipeline:VehicleClasses", lists);
        Assert.Contains("Health:ThermalZones:0:Types", lists);
        Assert.True(lists.Count >= 12, string.Join(", ", lists));
    }
}
