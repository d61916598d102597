namespace GzAiEdge.Testing;

/// <summary>
/// The xunit trait that splits the suite: every test class (or test) that starts a server carries
/// <c>[Trait(TestCategory.Key, TestCategory.Servers)]</c>, and <c>./gz test --unit</c> runs the rest with
/// <c>--filter Category!=Servers</c>. So that a test missing the trait fails loudly there instead of quietly
/// starting a server, <c>./gz test --unit</c> also sets <see cref="UnitOnlyVariable"/>, and every server starter
/// here (Mosquitto, InfluxDB, VictoriaMetrics, the cloud, edge and fleet processes, ffmpeg) calls
/// <see cref="EnsureServersAllowed"/> first; starters outside this project (Chromium, the camera child) do too.
/// </summary>
public static class TestCategory
{
    public const string Key = "Category";

    /// <summary>Starts a server or a child the server list counts: Mosquitto, InfluxDB, VictoriaMetrics, Chromium, ffmpeg or gst-launch, a cloud, edge or fleet process.</summary>
    public const string Servers = "Servers";

    /// <summary>Set to 1 by <c>./gz test --unit</c>: no test may start a server.</summary>
    public const string UnitOnlyVariable = "GZ_TEST_UNIT_ONLY";

    /// <summary>Throws when the unit-only run is on: the calling test starts <paramref name="server"/> but lacks the trait.</summary>
    /// <exception cref="InvalidOperationException">The run is unit-only.</exception>
    public static void EnsureServersAllowed(string server)
    {
        if (Environment.GetEnvironmentVariable(UnitOnlyVariable) == "1")
        {
            throw new InvalidOperationException(
                $"this test starts {server}, but it lacks the trait [Trait(TestCategory.Key, TestCategory.Servers)] (Category=Servers), so ./gz test --unit "
                + $"({UnitOnlyVariable}=1) ran it. Add the trait to its class (or to the test); ./gz test runs it with the servers.");
        }
    }
}
