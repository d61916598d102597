namespace GzAiEdge.Ingestion.DeadLetters;

/// <summary>Durable storage for dead letters, bounded by age and size; listing is in the order they were added.</summary>
public interface IDeadLetterStore
{
    Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken);

    /// <summary>Adds all of <paramref name="deadLetters"/> in order, as one write: all are stored, or none.</summary>
    Task AddAllAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken);

    /// <summary>Skips <paramref name="offset"/> letters, oldest first, and returns at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(int offset, int limit, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>What the store holds, and what its retention removed.</summary>
    Task<DeadLetterStats> StatsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Like <see cref="ListAsync(int, int, CancellationToken)"/>, only letters whose topic starts with one of
    /// <paramref name="topicPrefixes"/> (a caller's own devices, <c>gz/v1/{site}/{device}/</c>), with how many match.
    /// </summary>
    Task<(long Total, IReadOnlyList<DeadLetter> Items)> ListAsync(IReadOnlyCollection<string> topicPrefixes, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>One letter by id, or null.</summary>
    Task<DeadLetter?> FindAsync(long id, CancellationToken cancellationToken);
}
