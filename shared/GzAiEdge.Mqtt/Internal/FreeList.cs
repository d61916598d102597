using System.Diagnostics.CodeAnalysis;

namespace GzAiEdge.Mqtt.Internal;

/// <summary>
/// The free objects of a pool, at most <c>max</c> of them: its array grows only as traffic returns
/// objects, so an idle pool holds nothing. Thread-safe (taken on one thread, given back on another).
/// </summary>
internal sealed class FreeList<T>(int max)
    where T : class
{
    private readonly Lock _gate = new();
    private T[] _free = [];
    private int _count;

    public bool TryTake([NotNullWhen(true)] out T? item)
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                item = null;
                return false;
            }

            item = _free[--_count];
            _free[_count] = null!;
            return true;
        }
    }

    /// <summary>Keeps <paramref name="item"/> for reuse, or leaves it to the collector when <c>max</c> are kept already.</summary>
    public void Give(T item)
    {
        lock (_gate)
        {
            if (_count == _free.Length)
            {
                if (_count >= max)
                {
                    return;
                }

                Array.Resize(ref _free, Math.Min(max, Math.Max(4, _count * 2)));
            }

            _free[_count++] = item;
        }
    }
}
