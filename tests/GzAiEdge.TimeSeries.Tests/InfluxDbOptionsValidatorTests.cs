using GzAiEdge.TimeSeries;

namespace GzAiEdge.TimeSeries.Tests;

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

    [Fact]
    public void The_v2_write_api_needs_org_and_bucket_and_its_settings_need_the_v2_api()
    {
        var validator = new InfluxDbOptionsValidator();

        var v2 = validator.Validate(null, new InfluxDbOptions { WriteApi = InfluxWriteApi.V2, Org = "gz", Token = "secret-token" });
        var v1 = validator.Validate(null, new InfluxDbOptions { Bucket = "kpis", Token = "secret-token" });

        Assert.Equal(["InfluxDb:WriteApi = V2 (/api/v2/write) needs InfluxDb:Org and InfluxDb:Bucket"], v2.Failures);
        Assert.Equal(["InfluxDb:Org, Bucket and Token apply to the /api/v2/write API; set InfluxDb:WriteApi = V2 to use them"], v1.Failures);
        Assert.True(validator.Validate(null, new InfluxDbOptions { WriteApi = InfluxWriteApi.V2, Org = "gz", Bucket = "kpis" }).Succeeded);
    }

    [Fact]
    public void Printing_the_options_shows_no_secret()
    {
        var text = new InfluxDbOptions { Username = "ingest", Password = "pass-word", WriteApi = InfluxWriteApi.V2, Org = "gz", Bucket = "b", Token = "secret-token" }.ToString();

        Assert.Contains("Token = (set)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pass-word", text, StringComparison.Ordinal);
    }
}
