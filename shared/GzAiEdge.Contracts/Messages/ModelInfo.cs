namespace GzAiEdge.Contracts.Messages;

/// <summary>Which model produced a report: name, version and the SHA-256 of the model file (hex).</summary>
public sealed record ModelInfo(string Name, string Version, string Sha256);
