using System.Buffers;
using System.Text;
using GzAiEdge.TimeSeries;

namespace GzAiEdge.TimeSeries.Tests;

public class LineProtocolWriterTests
{
    [Fact]
    public void Measurement_escapes_comma_and_space_but_not_equals()
    {
        Assert.Equal("my\\ meas\\,ure=x v=1 1\n", Line(new LinePoint("my meas,ure=x", [], [new("v", 1.0)], 1)));
    }

    [Fact]
    public void Tag_keys_and_values_escape_comma_equals_and_space()
    {
        var point = new LinePoint("m", [new("t k,=", "v a,l=ue")], [new("v", 1.0)], 1);

        Assert.Equal("m,t\\ k\\,\\==v\\ a\\,l\\=ue v=1 1\n", Line(point));
    }

    [Fact]
    public void Field_keys_escape_comma_equals_and_space_and_keep_quotes()
    {
        Assert.Equal("m f\\ 1\\,\\=\"=1 1\n", Line(new LinePoint("m", [], [new("f 1,=\"", 1.0)], 1)));
    }

    [Fact]
    public void String_fields_escape_quote_and_backslash_only()
    {
        var point = new LinePoint("m", [], [new("s", "say \"hi\" to C:\\dir\\, ok=1")], 1);

        Assert.Equal("m s=\"say \\\"hi\\\" to C:\\\\dir\\\\, ok=1\" 1\n", Line(point));
    }

    [Fact]
    public void String_fields_may_hold_line_breaks_inside_their_quotes()
    {
        Assert.Equal("m s=\"a\nb\" 1\n", Line(new LinePoint("m", [], [new("s", "a\nb")], 1)));
    }

    [Fact]
    public void Tags_are_sorted_by_key_and_empty_values_left_out()
    {
        var point = new LinePoint("kpi", [new("site", "s1"), new("sector", ""), new("device", "d1"), new("Z", "z")], [new("v", 1.0)], 5);

        Assert.Equal("kpi,Z=z,device=d1,site=s1 v=1 5\n", Line(point));
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1e21, "1E+21")]
    [InlineData(-0.0, "-0")]
    [InlineData(1.0, "1")]
    [InlineData(1.0 / 3.0, "0.3333333333333333")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(5e-324, "5E-324")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    public void Floats_are_written_shortest_round_trippable(double value, string expected)
    {
        var text = Line(new LinePoint("m", [], [new("v", value)], 1));

        Assert.Equal($"m v={expected} 1\n", text);
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(double.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Integers_booleans_and_strings_get_their_line_protocol_forms()
    {
        var point = new LinePoint("m", [], [new("i", 42), new("min", long.MinValue), new("max", long.MaxValue), new("yes", true), new("no", false), new("s", "x")], -1);

        Assert.Equal("m i=42i,min=-9223372036854775808i,max=9223372036854775807i,yes=true,no=false,s=\"x\" -1\n", Line(point));
    }

    [Fact]
    public void Unicode_is_written_as_utf8()
    {
        var buffer = new ArrayBufferWriter<byte>();
        new LineProtocolWriter(buffer).Write(new LinePoint("交通", [new("场景", "智慧交通")], [new("名", "值")], 1));

        Assert.Equal("交通,场景=智慧交通 名=\"值\" 1\n"u8.ToArray(), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Points_are_appended_one_per_line()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new LineProtocolWriter(buffer);
        writer.Write(new LinePoint("m", [new("t", "a")], [new("v", 1.5)], 1));
        writer.Write(new LinePoint("m", [new("t", "b")], [new("v", 2)], 2));

        Assert.Equal("m,t=a v=1.5 1\nm,t=b v=2i 2\n", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Non_finite_floats_are_rejected_naming_the_field(double value, string shown)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var point = new LinePoint("kpi", [new("site", "s")], [new("ok", 1.0), new("speed", value)], 1);

        var error = Assert.Throws<ArgumentException>(() => new LineProtocolWriter(buffer).Write(point));

        Assert.Contains("field \"speed\" is " + shown, error.Message, StringComparison.Ordinal);
        Assert.Contains("NaN or infinity", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, buffer.WrittenCount);
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\r\nb")]
    public void Line_breaks_in_tag_values_are_rejected_naming_the_tag(string value)
    {
        var error = Reject(new LinePoint("kpi", [new("device", value)], [new("v", 1.0)], 1));

        Assert.Contains("value of tag \"device\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("line break", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_breaks_in_measurement_and_keys_are_rejected()
    {
        Assert.Contains("measurement name", Reject(new LinePoint("k\npi", [], [new("v", 1.0)], 1)).Message, StringComparison.Ordinal);
        Assert.Contains("tag key \"de\nvice\"", Reject(new LinePoint("kpi", [new("de\nvice", "d")], [new("v", 1.0)], 1)).Message, StringComparison.Ordinal);
        Assert.Contains("field key \"v\n\"", Reject(new LinePoint("kpi", [], [new("v\n", 1.0)], 1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backslashes_are_kept_unless_they_would_swallow_an_escape()
    {
        Assert.Equal("m,t=a\\b v=1 1\n", Line(new LinePoint("m", [new("t", "a\\b")], [new("v", 1.0)], 1)));
        Assert.Contains("backslash", Reject(new LinePoint("m", [new("t", "a\\")], [new("v", 1.0)], 1)).Message, StringComparison.Ordinal);
        Assert.Contains("backslash", Reject(new LinePoint("m", [new("t", "a\\,b")], [new("v", 1.0)], 1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Points_without_fields_or_with_duplicate_or_empty_names_are_rejected()
    {
        Assert.Contains("at least one field", Reject(new LinePoint("m", [], [], 1)).Message, StringComparison.Ordinal);
        Assert.Contains("tag \"t\" appears twice", Reject(new LinePoint("m", [new("t", "a"), new("t", "b")], [new("v", 1.0)], 1)).Message, StringComparison.Ordinal);
        Assert.Contains("measurement name is empty", Reject(new LinePoint("", [], [new("v", 1.0)], 1)).Message, StringComparison.Ordinal);
        Assert.Contains("tag key is empty", Reject(new LinePoint("m", [new("", "a")], [new("v", 1.0)], 1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timestamps_convert_to_and_from_unix_nanoseconds()
    {
        var time = new DateTimeOffset(2025, 3, 1, 8, 30, 0, TimeSpan.FromHours(8)).AddTicks(1234567);

        Assert.Equal(1_740_789_000_123_456_700, LinePoint.ToUnixNanoseconds(time));
        Assert.Equal(time, LinePoint.FromUnixNanoseconds(LinePoint.ToUnixNanoseconds(time)));
    }

    [Fact]
    public void Writing_points_allocates_nothing_once_the_buffer_has_grown()
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        var writer = new LineProtocolWriter(buffer);
        var point = new LinePoint("kpi", [new("site", "智慧 交通"), new("device", "cam,1"), new("scenario", "s=1")],
            [new("speed", 12.5), new("seq", 42L), new("verified", true), new("note", "a \"b\"")], 1_740_789_000_123_456_700);
        writer.Write(point);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            writer.Write(point);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static string Line(LinePoint point)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new LineProtocolWriter(buffer).Write(point);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static ArgumentException Reject(LinePoint point)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var error = Assert.Throws<ArgumentException>(() => new LineProtocolWriter(buffer).Write(point));
        Assert.Equal(0, buffer.WrittenCount);
        return error;
    }
}
