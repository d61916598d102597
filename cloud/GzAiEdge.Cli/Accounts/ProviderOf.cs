using System.CommandLine;
using GzAiEdge.Scenarios.Catalogue;

namespace GzAiEdge.Cli.Accounts;

/// <summary>
/// <c>--provider-of SCENARIO</c>: a provider named by one of their scenarios, looked up in the catalogue, so that
/// scripts need not copy the catalogue's provider names (one definition per fact).
/// </summary>
internal sealed class ProviderOf
{
    public Option<string?> Scenario { get; } = new("--provider-of") { Description = "Instead of --provider: the provider of this scenario, as the catalogue names them" };

    public Option<string> Catalogue { get; } = new("--catalogue") { Description = "The programme catalogue --provider-of reads", DefaultValueFactory = _ => "firmware-configs/scenarios/catalogue.yaml" };

    public void AddTo(Command command)
    {
        command.Options.Add(Scenario);
        command.Options.Add(Catalogue);
    }

    /// <summary>The provider given directly, or through <c>--provider-of</c>; throws <see cref="CatalogueException"/> or <see cref="InvalidOperationException"/> naming what is wrong.</summary>
    public string? Resolve(ParseResult result, string? provider)
    {
        if (result.GetValue(Scenario) is not { } scenario)
        {
            return provider;
        }

        if (provider is not null)
        {
            throw new InvalidOperationException("give --provider or --provider-of, not both");
        }

        var path = result.GetValue(Catalogue)!;
        return CatalogueLoader.Load(path).TryGet(scenario, out var found)
            ? found.Provider ?? throw new InvalidOperationException($"--provider-of {scenario}: the catalogue {path} names no provider for it")
            : throw new InvalidOperationException($"--provider-of {scenario}: not in the catalogue {path}");
    }
}
