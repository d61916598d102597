using System.Globalization;
using System.Text.RegularExpressions;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Validation;

/// <summary>The ranges a heartbeat's counters and health readings must lie in (site, device and version are checked by <see cref="MessageReader"/>).</summary>
public static partial class HeartbeatValidator
{
    /// <summary>Most cores a device may report; also bounds the process CPU of a heartbeat that gives no core count.</summary>
    public const int MaxCores = 4096;

    /// <summary>Most temperatures one heartbeat may carry; each becomes a stored field.</summary>
    public const int MaxTemperatures = 32;

    /// <summary>Checks the heartbeat's own fields; an empty list means valid.</summary>
    public static IReadOnlyList<ContractError> Validate(Heartbeat heartbeat)
    {
        var errors = new List<ContractError>();
        ContractChecks.Utc(errors, "time", heartbeat.Time);

        AtLeastZero(errors, "uptimeSeconds", heartbeat.UptimeSeconds);
        AtLeastZero(errors, "lastSeq", heartbeat.LastSeq);
        AtLeastZero(errors, "outboxDepth", heartbeat.OutboxDepth);
        AtLeastZero(errors, "outboxEvicted", heartbeat.OutboxEvicted);
        AtLeastZero(errors, "evidenceHeld", heartbeat.EvidenceHeld);
        AtLeastZero(errors, "evidenceBytes", heartbeat.EvidenceBytes);
        AtLeastZero(errors, "evidenceEvicted", heartbeat.EvidenceEvicted);
        if (heartbeat.Health is { } health)
        {
            CheckHealth(errors, health);
        }

        return errors;
    }

    private static void CheckHealth(List<ContractError> errors, DeviceHealth h)
    {
        Within(errors, "health.cpuCores", h.CpuCores, 1, MaxCores);
        Within(errors, "health.cpuSystemPercent", h.CpuSystemPercent, 0, 100);
        Within(errors, "health.cpuProcessPercent", h.CpuProcessPercent, 0, 100.0 * (h.CpuCores is >= 1 and <= MaxCores ? h.CpuCores.Value : MaxCores));
        AtLeastZero(errors, "health.memoryRssBytes", h.MemoryRssBytes);
        AtLeastZero(errors, "health.memoryAvailableBytes", h.MemoryAvailableBytes);
        AtLeastZero(errors, "health.memoryTotalBytes", h.MemoryTotalBytes);
        NotAbove(errors, "health.memoryAvailableBytes", h.MemoryAvailableBytes, "health.memoryTotalBytes", h.MemoryTotalBytes);
        NotAbove(errors, "health.memoryRssBytes", h.MemoryRssBytes, "health.memoryTotalBytes", h.MemoryTotalBytes);
        AtLeastZero(errors, "health.diskFreeBytes", h.DiskFreeBytes);
        AtLeastZero(errors, "health.diskTotalBytes", h.DiskTotalBytes);
        NotAbove(errors, "health.diskFreeBytes", h.DiskFreeBytes, "health.diskTotalBytes", h.DiskTotalBytes);
        Within(errors, "health.inferencesPerSecond", h.InferencesPerSecond, 0, 1e6);
        if (h.Temperatures is { } temperatures)
        {
            if (temperatures.Count > MaxTemperatures)
            {
                errors.Add(new("health.temperatures", temperatures.Count.ToString(CultureInfo.InvariantCulture), $"more than {MaxTemperatures} temperatures"));
            }

            foreach (var (name, celsius) in temperatures)
            {
                if (!SensorName().IsMatch(name))
                {
                    errors.Add(new("health.temperatures", name, "a name must be 1–64 of A-Z, a-z, 0-9, '-', '_' and '.'"));
                }

                // Beyond what silicon survives: a misread sensor, not a temperature.
                Within(errors, $"health.temperatures.{name}", celsius, -100, 200);
            }
        }

        if (h.Camera is { } camera)
        {
            if (!CameraState().IsMatch(camera.State ?? string.Empty))
            {
                errors.Add(new("health.camera.state", camera.State, "must be 1–32 of a-z and '-'"));
            }

            Within(errors, "health.camera.framesPerSecond", camera.FramesPerSecond, 0, 1000);
            AtLeastZero(errors, "health.camera.framesDropped", camera.FramesDropped);
        }
    }

    private static void AtLeastZero(List<ContractError> errors, string field, long? value)
    {
        if (value < 0)
        {
            errors.Add(new(field, value.Value.ToString(CultureInfo.InvariantCulture), "must be 0 or more"));
        }
    }

    private static void Within(List<ContractError> errors, string field, double? value, double min, double max)
    {
        if (value is { } v && !(v >= min && v <= max))
        {
            errors.Add(new(field, v.ToString("R", CultureInfo.InvariantCulture), $"must be within {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}"));
        }
    }

    private static void NotAbove(List<ContractError> errors, string field, long? value, string boundField, long? bound)
    {
        if (value > bound)
        {
            errors.Add(new(field, value.Value.ToString(CultureInfo.InvariantCulture), $"exceeds {boundField} ({bound!.Value.ToString(CultureInfo.InvariantCulture)})"));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex SensorName();

    [GeneratedRegex("^[a-z][a-z-]{0,31}$")]
    private static partial Regex CameraState();
}
