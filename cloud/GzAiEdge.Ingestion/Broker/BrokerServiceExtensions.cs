using GzAiEdge.Configuration;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Ingestion.Broker;

public static class BrokerServiceExtensions
{
    /// <summary>
    /// The broker section (<see cref="CloudBrokerOptions"/>), bound and validated at start. Every area that connects
    /// to the broker calls it (ingestion, the live feed, device commands); registered once however often it is called.
    /// </summary>
    public static IServiceCollection AddCloudBroker(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<CloudBrokerOptions>)))
        {
            return services;
        }

        services.AddOptions<CloudBrokerOptions>().BindConfiguration(CloudBrokerOptions.Section).ValidateOnStart();
        services.AddBoundSection<CloudBrokerOptions>(CloudBrokerOptions.Section);
        services.AddSingleton<IValidateOptions<CloudBrokerOptions>, CloudBrokerOptionsValidator>();
        return services;
    }
}
