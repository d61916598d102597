namespace GzAiEdge.Contracts.Api;

/// <summary>A command to send to one device, as the cloud API takes it.</summary>
/// <param name="Type">One of <see cref="Commands.CommandTypes.All"/>.</param>
/// <param name="Arguments">The type's arguments.</param>
/// <param name="ExpiresInSeconds">How long the command stays valid; <see cref="Commands.CommandTypes.DefaultExpirySeconds"/> when null.</param>
public sealed record CommandRequest(string? Type, Dictionary<string, string>? Arguments, int? ExpiresInSeconds);

/// <summary>A command the broker took, as the cloud API answers it.</summary>
/// <param name="Id">The command's id; the device's answers carry it.</param>
/// <param name="Topic">The device's command topic.</param>
/// <param name="Issued">When the cloud issued it.</param>
/// <param name="Expires">When the device stops accepting it.</param>
public sealed record CommandSent(string Id, string Topic, DateTimeOffset Issued, DateTimeOffset Expires);
