namespace GzAiEdge.Mqtt;

/// <summary>A topic filter to subscribe to, e.g. <c>gz/v1/+/+/kpi</c> or <c>$share/group/gz/v1/#</c>.</summary>
/// <param name="TopicFilter">The topic filter, with wildcards or a shared-subscription prefix.</param>
public sealed record MqttSubscription(string TopicFilter)
{
    /// <summary>The highest QoS the broker may deliver with; QoS 1 by default.</summary>
    public MqttQualityOfService MaximumQos { get; init; } = MqttQualityOfService.AtLeastOnce;

    /// <summary>MQTT 5: do not receive messages this client published itself.</summary>
    public bool NoLocal { get; init; }

    /// <summary>MQTT 5: keep the RETAIN flag as published instead of clearing it on live messages.</summary>
    public bool RetainAsPublished { get; init; }
}
