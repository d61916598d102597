using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Configuration;

/// <summary>
/// Every mistake a configuration holds, gathered section by section so that one start (or one
/// <c>gz config validate</c>) reports all of them, not only the first.
/// </summary>
public sealed class ConfigurationFailures
{
    private readonly List<string> _items = [];

    /// <summary>The failures found so far, each naming its key (and, where known, file and line).</summary>
    public IReadOnlyList<string> Items => _items;

    /// <summary>Resolves <c>IOptions&lt;TOptions&gt;</c>, which runs its validators, and keeps what they refuse.</summary>
    public ConfigurationFailures Check<TOptions>(IServiceProvider services)
        where TOptions : class =>
        Collect(() => services.GetRequiredService<IOptions<TOptions>>().Value);

    /// <summary>
    /// Keeps every key under a bound section (<see cref="BoundSection"/>) that its options type does not know, each
    /// with where it was set: <paramref name="describe"/> says where, else <see cref="ConfigurationOrigins.Describe(IConfiguration, string)"/>.
    /// </summary>
    public ConfigurationFailures CheckKeys(IServiceProvider services, Func<string, string>? describe = null)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        _items.AddRange(UnknownKeys.Find(configuration, services.GetServices<BoundSection>(), describe ?? (key => ConfigurationOrigins.Describe(configuration, key))));
        return this;
    }

    /// <summary>Keeps failures found by other checks.</summary>
    public ConfigurationFailures Add(IEnumerable<string> failures)
    {
        _items.AddRange(failures);
        return this;
    }

    /// <summary>
    /// Runs <paramref name="resolve"/> and keeps the failures of an <see cref="OptionsValidationException"/>,
    /// or the lines <paramref name="describe"/> gives for any other exception it recognises (it returns null for
    /// one it does not, which then propagates).
    /// </summary>
    public ConfigurationFailures Collect(Func<object> resolve, Func<Exception, IEnumerable<string>?>? describe = null)
    {
        try
        {
            resolve();
        }
        catch (OptionsValidationException ex)
        {
            _items.AddRange(ex.Failures);
        }
        catch (Exception ex) when (describe?.Invoke(ex) is { } lines)
        {
            _items.AddRange(lines);
        }

        return this;
    }

    /// <summary>Throws one <see cref="OptionsValidationException"/> holding every distinct failure, if there are any.</summary>
    public void ThrowIfAny(string what, Type optionsType)
    {
        if (_items.Count > 0)
        {
            throw new OptionsValidationException(what, optionsType, _items.Distinct(StringComparer.Ordinal));
        }
    }
}
