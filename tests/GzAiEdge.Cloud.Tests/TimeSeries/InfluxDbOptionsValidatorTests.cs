using GzAiEdge.Cloud.TimeSeries;

namespace GzAiEdge.Cloud.Tests.TimeSeries;

public class InfluxDbOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new InfluxDbOptionsValidator().Validate(null, new InfluxDbOptions()).Succeeded);
    }

    [Fact]
    public void Each_bad_setting_is_named_by_its_key()
    {
        var options = new InfluxDbOptions
        {
            BaseAddress = new Uri("ftp://influx/"),
            Database = " ",
            Password = "secret",
            Timeout = TimeSpan.Zero,
        };

        var result = new InfluxDbOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Collection(result.Failures!,
            f => Assert.StartsWith("InfluxDb:BaseAddress = 'ftp://influx/'", f, StringComparison.Ordinal),
            f => Assert.StartsWith("InfluxDb:Database", f, StringComparison.Ordinal),
            f => Assert.StartsWith("InfluxDb:Password is set but InfluxDb:Username is not", f, StringComparison.Ordinal),
            f => Assert.StartsWith("InfluxDb:Timeout = 00:00:00", f, StringComparison.Ordinal));
        Assert.DoesNotContain("secret", result.FailureMessage, StringComparison.Ordinal);
    }
}
