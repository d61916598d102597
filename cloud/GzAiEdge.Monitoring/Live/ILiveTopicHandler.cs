namespace GzAiEdge.Monitoring.Live;

/// <summary>
/// Messages of another area on the live connection (alerts from other instances, say): the feed subscribes to
/// <see cref="Topic"/> with No Local (this instance shows its own directly) and hands each message over.
/// </summary>
public interface ILiveTopicHandler
{
    string Topic { get; }

    /// <summary>Takes one message; the payload is valid only during the call.</summary>
    void Handle(ReadOnlySpan<byte> payload);
}
