using GzAiEdge.Configuration;
using GzAiEdge.Contracts.Signing;
using GzAiEdge.EdgeRuntime.Commands.Audits;
using GzAiEdge.EdgeRuntime.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Commands;

public static class CommandServiceExtensions
{
    /// <summary>
    /// Remote commands (section <c>Commands</c>) and what they run: configuration changes, pipeline restarts, model
    /// updates, audit runs, evidence fetches. What they changed is read back through the device-state configuration source
    /// (<see cref="ConfigurationServiceExtensions.AddDeviceState"/>).
    /// </summary>
    public static IHostApplicationBuilder AddEdgeCommands(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<CommandOptions>, CommandOptionsValidator>();
        services.AddOptions<CommandOptions>().BindConfiguration(CommandOptions.Section).ValidateOnStart();
        services.AddBoundSection<CommandOptions>(CommandOptions.Section);
        services.AddSingleton(sp => ((IConfigurationRoot)sp.GetRequiredService<IConfiguration>()).Providers.OfType<DeviceStateConfigurationProvider>().Single());
        services.AddSingleton(sp => sp.GetRequiredService<DeviceStateConfigurationProvider>().Paths);
        services.AddSingleton(sp => CommandKeyRing.FromPemFiles(sp.GetRequiredService<IOptions<CommandOptions>>().Value.CommandKeyFiles));
        services.AddSingleton<CommandLedger>();
        services.AddSingleton<ModelStore>();
        services.AddSingleton<ModelDownloader>();
        services.AddSingleton<CommandReporter>();
        services.AddSingleton<PipelineCommands>();
        services.AddSingleton<ModelUpdateCommand>();
        services.AddSingleton<AuditRunner>();
        services.AddSingleton<AuditUpload>();
        services.AddSingleton<AuditRunCommand>();
        services.AddSingleton<Evidence.EvidenceFetchCommand>();
        services.AddHostedService<CommandService>();
        return builder;
    }
}
