namespace GzAiEdge.Scenarios.Catalogue;

/// <summary>A catalogue file that cannot be used; the message names file, line and what is wrong.</summary>
public sealed class CatalogueException(string message) : Exception(message);
