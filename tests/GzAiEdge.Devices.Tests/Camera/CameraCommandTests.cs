using GzAiEdge.Devices.Camera;

namespace GzAiEdge.Devices.Tests.Camera;

public class CameraCommandTests
{
    private const string Output = "-an -sn -dn -vf fps=7.5,scale=640:480 -pix_fmt rgb24 -f rawvideo pipe:1";

    [Theory]
    [InlineData("rtsp", "rtsp://10.0.0.5:554/live", false, "-rtsp_transport tcp -i rtsp://10.0.0.5:554/live")]
    [InlineData("v4l2", "/dev/video0", false, "-f v4l2 -i /dev/video0")]
    [InlineData("file", "/srv/road.mp4", false, "-re -i /srv/road.mp4")]
    [InlineData("file", "/srv/road.mp4", true, "-re -stream_loop -1 -i /srv/road.mp4")]
    [InlineData("lavfi", "testsrc2=size=640x480:rate=30", false, "-re -f lavfi -i testsrc2=size=640x480:rate=30")]
    public void Ffmpeg_reads_each_input_kind_and_writes_raw_rgb24_at_the_configured_size_and_rate(string format, string input, bool loop, string inputArgs)
    {
        var command = CameraCommand.For(new CameraOptions { Format = format, Input = input, Loop = loop, Width = 640, Height = 480, Fps = 7.5 });

        Assert.Equal("ffmpeg", command.Program);
        Assert.Equal($"-hide_banner -nostdin -nostats -loglevel error {inputArgs} {Output}", string.Join(' ', command.Arguments));
    }

    [Fact]
    public void Gstreamer_gets_the_profiles_pipeline_split_at_its_spaces_with_quoted_values_whole_then_rgb_caps_and_the_pipe()
    {
        var command = CameraCommand.For(new CameraOptions
        {
            Format = "gstreamer",
            Width = 1280,
            Height = 720,
            Fps = 7.5,
            Pipeline = "nvarguscamerasrc sensor-id=0 ! video/x-raw(memory:NVMM),width=1920,height=1080 ! nvvidconv name=\"conv 1\"",
        });

        Assert.Equal("gst-launch-1.0", command.Program);
        Assert.Equal(
            ["-q", "nvarguscamerasrc", "sensor-id=0", "!", "video/x-raw(memory:NVMM),width=1920,height=1080", "!", "nvvidconv", "name=\"conv 1\"",
             "!", "videoconvert", "!", "videoscale", "!", "videorate", "!", "video/x-raw,format=RGB,width=1280,height=720,framerate=15/2", "!", "fdsink", "fd=1"],
            command.Arguments);
    }

    [Theory]
    [InlineData("rtsp://admin:s3cret@cam.local/live", "rtsp://***@cam.local/live")]
    [InlineData("rtsp://cam.local/live?user=a@b", "rtsp://cam.local/live?user=a@b")]
    [InlineData("/dev/video0", "/dev/video0")]
    public void Passwords_in_urls_are_redacted(string input, string shown) =>
        Assert.Equal(shown, CameraCommand.Redact(input));

    [Fact]
    public void Options_that_cannot_open_a_camera_say_which_and_why()
    {
        Assert.Equal(
            [
                ("Input", "'http://cam.local/live' is not an rtsp:// URL"),
                ("Width", "8 is outside 16..7680 pixels"),
                ("Fps", "0 is outside 0 < fps <= 240"),
                ("Loop", "only a file can loop; format 'rtsp' cannot"),
            ],
            new CameraOptions { Format = "rtsp", Input = "http://cam.local/live", Width = 8, Height = 48, Fps = 0, Loop = true }.Check());
        Assert.Equal(
            [("Pipeline", "must give the GStreamer source pipeline (e.g. 'nvarguscamerasrc ! nvvidconv'; the device profile has it)"),
             ("Width", "642 is not a multiple of 4; GStreamer pads RGB rows to 4 bytes")],
            new CameraOptions { Format = "gstreamer", Width = 642, Height = 480 }.Check());
        Assert.Equal([("Format", "'usb' is not one of rtsp, v4l2, file, lavfi, gstreamer")], new CameraOptions { Format = "usb", Width = 64, Height = 48 }.Check());
        Assert.Empty(new CameraOptions { Format = "v4l2", Input = "/dev/video2", Width = 640, Height = 480 }.Check());
    }

    [Fact]
    public void Invalid_options_are_refused_before_any_child_starts()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CameraFrameSource(new CameraOptions { Format = "v4l2", Input = "video0", Width = 64, Height = 48 }));

        Assert.StartsWith("camera options: Input: 'video0' is not a V4L2 device (/dev/videoN)", ex.Message);
    }
}
