using System.Security.Cryptography;
using GzAiEdge.Contracts.Audits;

namespace GzAiEdge.Audits.Runs;

/// <summary>
/// Makes an audit's own inputs file from a test set: every item under a fresh random id, a share of them a second time
/// under other fresh ids, all in a random order. A device therefore cannot recognise an item by its id from an earlier
/// audit, nor tell a repeat from an original, and its outputs for both must agree. The map from ids to test-set items
/// stays in the cloud.
/// </summary>
internal static class AuditInputsBuilder
{
    public static (IReadOnlyList<AuditItem> Map, IReadOnlyList<AuditInput> Inputs) Build(IReadOnlyList<AuditInput> set, double repeatShare)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var items = set.Select(input => (Input: input, Item: new AuditItem(NewId(ids), input.Id, null))).ToList();
        var repeats = set.Count < 2 || repeatShare <= 0 ? 0 : Math.Clamp((int)Math.Round(set.Count * repeatShare), 1, set.Count);
        foreach (var original in Shuffled(items.Count).Take(repeats).Select(i => items[i]).ToList())
        {
            items.Add((original.Input, new AuditItem(NewId(ids), original.Input.Id, original.Item.Id)));
        }

        var order = Shuffled(items.Count);
        return ([.. order.Select(i => items[i].Item)], [.. order.Select(i => items[i].Input.WithId(items[i].Item.Id))]);
    }

    private static string NewId(HashSet<string> taken)
    {
        string id;
        do
        {
            id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        }
        while (!taken.Add(id));
        return id;
    }

    private static int[] Shuffled(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        RandomNumberGenerator.Shuffle(order.AsSpan());
        return order;
    }
}
