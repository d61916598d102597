using GzAiEdge.Ingestion;
using GzAiEdge.Monitoring.Live;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Monitoring.Tests.Live;

public sealed class LiveFeedOptionsTests
{
    [Theory]
    [InlineData("true", "true", true)]
    [InlineData("false", "false", true)]
    [InlineData("false", "true", true)]
    [InlineData("true", "false", false)]
    public void The_live_feed_needs_this_instances_ingestion(string liveFeed, string ingestion, bool valid)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["LiveFeed:Enabled"] = liveFeed, ["Ingestion:Enabled"] = ingestion });
        builder.AddIngestion();
        builder.AddLiveFeed();
        using var services = builder.Services.BuildServiceProvider();

        var options = () => services.GetRequiredService<IOptions<LiveFeedOptions>>().Value;

        if (valid)
        {
            Assert.Equal(bool.Parse(liveFeed), options().Enabled);
        }
        else
        {
            var error = Assert.Throws<OptionsValidationException>(options);
            Assert.Equal("LiveFeed:Enabled = true needs Ingestion:Enabled = true (the live feed subscribes behind this instance's ingestion); set LiveFeed:Enabled = false as well",
                Assert.Single(error.Failures));
        }
    }
}
