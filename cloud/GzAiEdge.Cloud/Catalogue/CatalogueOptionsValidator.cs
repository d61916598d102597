using GzAiEdge.Scenarios.Catalogue;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Cloud.Catalogue;

/// <summary>Fails the start when the catalogue file is not there, naming the key and the full path.</summary>
public sealed class CatalogueOptionsValidator : IValidateOptions<CatalogueOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogueOptions options) =>
        File.Exists(options.Path)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{CatalogueOptions.Section}:Path: file '{Path.GetFullPath(options.Path)}' not found");
}
