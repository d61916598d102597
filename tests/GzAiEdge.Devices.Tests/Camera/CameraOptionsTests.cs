using GzAiEdge.Devices.Camera;

namespace GzAiEdge.Devices.Tests.Camera;

public class CameraOptionsTests
{
    [Fact]
    public void Durations_that_are_not_a_number_are_refused_by_name()
    {
        // "NaN" binds to a double from config and every comparison with it is false, so a check written as
        // "below or above" passes it on to the camera, where TimeSpan.FromSeconds throws.
        var options = new CameraOptions
        {
            Format = "file",
            Input = "/srv/road.mp4",
            Width = 640,
            Height = 480,
            StallSeconds = double.NaN,
            ConnectSeconds = double.NaN,
            BackoffSeconds = double.NaN,
            MaxBackoffSeconds = double.NaN,
        };

        Assert.Equal(
            [
                ("StallSeconds", "NaN is outside 0.5..3600 seconds"),
                ("ConnectSeconds", "NaN is outside 0.5..3600 seconds"),
                ("BackoffSeconds", "NaN is outside 0.05..3600 seconds"),
                ("MaxBackoffSeconds", "NaN must lie between BackoffSeconds and 3600 seconds"),
            ],
            options.Check());
    }

    [Fact]
    public void Defaults_with_an_input_and_a_size_pass()
    {
        Assert.Empty(new CameraOptions { Format = "file", Input = "/srv/road.mp4", Width = 640, Height = 480 }.Check());
    }
}
