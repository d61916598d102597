using GzAiEdge.TimeSeries;

namespace GzAiEdge.TimeSeries.Tests;

public class InfluxQlTests
{
    [Theory]
    [InlineData("kpi", "\"kpi\"")]
    [InlineData("a \"b\"", "\"a \\\"b\\\"\"")]
    [InlineData("c:\\d", "\"c:\\\\d\"")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("x\ny", "\"x\\ny\"")]
    public void Identifiers_are_double_quoted_with_backslash_escapes(string name, string expected)
    {
        Assert.Equal(expected, InfluxQl.Identifier(name));
    }

    [Theory]
    [InlineData("智慧交通", "'智慧交通'")]
    [InlineData("it's", "'it\\'s'")]
    [InlineData("a \"b\"", "'a \"b\"'")]
    [InlineData("c:\\d", "'c:\\\\d'")]
    [InlineData("' OR 1=1 --", "'\\' OR 1=1 --'")]
    public void Strings_are_single_quoted_with_backslash_escapes(string value, string expected)
    {
        Assert.Equal(expected, InfluxQl.StringLiteral(value));
    }

    [Fact]
    public void Times_are_rfc3339_utc_literals()
    {
        var time = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)).AddTicks(5);

        Assert.Equal("'2025-03-01T00:00:00.0000005Z'", InfluxQl.TimeLiteral(time));
    }
}
