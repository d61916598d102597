namespace GzAiEdge.Contracts.Messages;

/// <summary>The contract version every message carries in its <c>v</c> field.</summary>
public static class ContractVersion
{
    /// <summary>The version this code writes and reads.</summary>
    public const int Current = 1;
}
