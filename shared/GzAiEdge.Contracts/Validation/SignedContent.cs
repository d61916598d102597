using GzAiEdge.Contracts.Signing;

namespace GzAiEdge.Contracts.Validation;

/// <summary>The one check that a signed contract was signed by the expected key over exactly its canonical bytes.</summary>
internal static class SignedContent
{
    /// <summary>
    /// Adds why <paramref name="what"/> is not signed by <paramref name="keyName"/> (<paramref name="key"/>): no signature,
    /// another key's id, or a signature that does not cover <paramref name="canonical"/>; nothing when it is.
    /// </summary>
    public static void Verify(List<ContractError> errors, string? kid, string? sig, byte[] canonical, SignatureCheck key, string what, string keyName)
    {
        if (sig is null)
        {
            errors.Add(new("sig", null, $"{what} is not signed"));
        }
        else if (kid != key.Kid)
        {
            errors.Add(new("kid", kid, $"signed with another key, not {keyName} {key.Kid}"));
        }
        else if (!key.Verify(ChainHash.Compute(canonical), sig))
        {
            errors.Add(new("sig", sig, $"does not verify with {keyName}: {what} was changed after it was signed"));
        }
    }
}
