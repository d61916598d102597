using GzAiEdge.EdgeRuntime.Configuration;
using GzAiEdge.EdgeRuntime.Health;
using GzAiEdge.Testing;

namespace GzAiEdge.EdgeRuntime.Tests.Health;

public class ThermalZonesTests
{
    [Fact]
    public void Zones_are_found_by_type_in_order_of_preference_and_read_in_degrees()
    {
        using var sys = FakeSysfs(("CPU-therm", "48500"), ("GPU-therm", "-1500"), ("tj-thermal", string.Empty));
        var zones = new ThermalZones(new HealthOptions
        {
            ThermalZones =
            [
                new() { Name = "cpu", Types = ["cpu-thermal", "CPU-therm"] },
                new() { Name = "gpu", Types = ["GPU-therm"] },
                new() { Name = "junction", Types = ["tj-thermal"] },
                new() { Name = "soc", Types = ["soc0-thermal"] },
            ],
        }, sys.Path);

        // tj-thermal exists but reads empty (as on the Orin Nano carrier); soc0-thermal does not exist.
        Assert.Equal(["cpu", "gpu", "junction"], zones.Names);
        Assert.Equal(new Dictionary<string, double> { ["cpu"] = 48.5, ["gpu"] = -1.5 }, zones.Read());
    }

    [Fact]
    public void Without_a_list_every_zone_is_reported_by_its_type()
    {
        using var sys = FakeSysfs(("x86_pkg_temp", "61000"), ("acpitz", "27800"));

        var read = new ThermalZones(new HealthOptions(), sys.Path).Read();

        Assert.Equal(new Dictionary<string, double> { ["x86_pkg_temp"] = 61.0, ["acpitz"] = 27.8 }, read);
    }

    [Fact]
    public void No_zones_read_as_absent_not_zero()
    {
        using var sys = new TempFolder();

        Assert.Null(new ThermalZones(new HealthOptions(), sys.Path).Read());
        Assert.Null(new ThermalZones(new HealthOptions(), sys.File("missing")).Read());
    }

    private static TempFolder FakeSysfs(params (string Type, string Temp)[] zones)
    {
        var folder = new TempFolder();
        for (var i = 0; i < zones.Length; i++)
        {
            var zone = Directory.CreateDirectory(folder.File($"thermal_zone{i}")).FullName;
            File.WriteAllText(Path.Combine(zone, "type"), zones[i].Type + "\n");
            File.WriteAllText(Path.Combine(zone, "temp"), zones[i].Temp + "\n");
        }

        return folder;
    }
}
