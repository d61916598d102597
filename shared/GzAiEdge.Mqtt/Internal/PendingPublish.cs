namespace GzAiEdge.Mqtt.Internal;

/// <summary>
/// A QoS 1/2 publish from <see cref="MqttClient.PublishAsync"/> until its PUBACK (or PUBCOMP), whose reason code is the result. It is its
/// own completion source so a publish costs one allocation besides the task.
/// </summary>
internal sealed class PendingPublish(MqttApplicationMessage message, long sequence)
    : TaskCompletionSource<MqttReasonCode>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public MqttApplicationMessage Message { get; } = message;

    /// <summary>Order of the PublishAsync calls; resends keep it [MQTT-4.6.0-1].</summary>
    public long Sequence { get; } = sequence;

    /// <summary>0 until first sent; kept across reconnects so a DUP resend carries the same identifier.</summary>
    public ushort PacketId { get; set; }

    /// <summary>The connection it was last sent on; its send quota is released by the PUBACK.</summary>
    public MqttConnection? SentOn { get; set; }

    /// <summary>Resend with DUP=1 because the resumed session may already hold it [MQTT-4.4.0-1].</summary>
    public bool Duplicate { get; set; }

    /// <summary>QoS 2: PUBREC arrived, so what is left to (re)send is PUBREL, not PUBLISH.</summary>
    public bool Released { get; set; }
}
