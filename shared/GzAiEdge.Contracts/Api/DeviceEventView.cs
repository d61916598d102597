namespace GzAiEdge.Contracts.Api;

/// <summary>One event a device reported, as the cloud API returns it.</summary>
/// <param name="Time">When the device reported it.</param>
/// <param name="Level">Its level (info, warning, error).</param>
/// <param name="Code">What happened, e.g. <c>command.succeeded</c>.</param>
/// <param name="Message">The device's words.</param>
/// <param name="CommandId">The command a <c>command.*</c> event answers.</param>
public sealed record DeviceEventView(DateTimeOffset Time, string Level, string Code, string Message, string? CommandId);
