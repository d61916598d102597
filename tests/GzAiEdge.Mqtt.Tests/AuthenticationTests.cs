using GzAiEdge.Testing;
using static GzAiEdge.Mqtt.Tests.Support.TestClients;

namespace GzAiEdge.Mqtt.Tests;

[Trait(TestCategory.Key, TestCategory.Servers)]
public class AuthenticationTests
{
    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public async Task Right_password_connects_and_a_wrong_one_is_refused_with_a_reason_code(MqttProtocolVersion version)
    {
        using var folder = new TempFolder("gz-mqtt-auth");
        var passwords = folder.File("passwd");
        await RunAsync("mosquitto_passwd", "-b", "-c", passwords, "device-1", "s3cret");
        await using var broker = await MosquittoBroker.StartAsync($"allow_anonymous false\npassword_file {passwords}");
        var options = Options(broker, "device-1", version) with { Username = "device-1", Password = "s3cret" };

        await using (var good = await ConnectAsync(options))
        {
            Assert.True(good.IsConnected);
        }

        await using var bad = new MqttClient(options with { Password = "wrong" });
        var error = await Assert.ThrowsAsync<MqttConnectException>(() => bad.ConnectAsync(Timeout()));

        Assert.Contains(error.ReasonCode, new[] { MqttReasonCode.BadUserNameOrPassword, MqttReasonCode.NotAuthorized });
        Assert.Contains("device-1", error.Message, StringComparison.Ordinal);
    }
}
