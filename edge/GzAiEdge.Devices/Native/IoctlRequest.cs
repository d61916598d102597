namespace GzAiEdge.Devices.Native;

/// <summary>An ioctl request number with the name the uAPI header gives it, for error messages.</summary>
internal readonly record struct IoctlRequest(string Name, nuint Number);
