using Microsoft.Extensions.DependencyInjection;

namespace GzAiEdge.Configuration;

/// <summary>
/// A configuration section bound to an options type: what <see cref="UnknownKeys"/> checks the section's keys against.
/// Registered by <see cref="BoundSectionExtensions.AddBoundSection{TOptions}"/>, so that the keys a program knows
/// come from the types it binds and from nowhere else.
/// </summary>
/// <param name="Section">The section, e.g. <c>Pipeline</c>.</param>
/// <param name="OptionsType">The type bound from it, e.g. <c>PipelineOptions</c>.</param>
public sealed record BoundSection(string Section, Type OptionsType);

/// <summary>Recording which section binds which options type.</summary>
public static class BoundSectionExtensions
{
    /// <summary>
    /// Records that <paramref name="section"/> is bound to <typeparamref name="TOptions"/>, so that keys in it that the
    /// type does not have are reported (<see cref="ConfigurationFailures.CheckKeys"/>). Binds nothing itself: the
    /// caller's own <c>BindConfiguration(section)</c> does, where the configuration binding source generator can
    /// compile it for the concrete type.
    /// </summary>
    public static IServiceCollection AddBoundSection<TOptions>(this IServiceCollection services, string section)
        where TOptions : class =>
        services.AddSingleton(new BoundSection(section, typeof(TOptions)));
}
