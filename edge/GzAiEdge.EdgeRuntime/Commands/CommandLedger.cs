using GzAiEdge.Contracts.Messages;
using GzAiEdge.EdgeRuntime.Configuration;

namespace GzAiEdge.EdgeRuntime.Commands;

/// <summary>
/// The ids of the commands this device received (<see cref="DeviceStatePaths.Ledger"/>), so that a command runs at
/// most once: a QoS 1 redelivery after a reconnect, or someone replaying a captured command, finds its id here. An
/// id is recorded before the command runs and before it is acknowledged to the broker. Entries are kept until a day
/// after the command expired; by then the expiry check refuses it anyway, even on a clock a little off.
/// </summary>
public sealed class CommandLedger
{
    /// <summary>How long past its expiry an id is remembered.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    /// <summary>Most ids kept; commands are rare, so this bound is only against a flood.</summary>
    public const int MaxEntries = 10_000;

    private readonly string _path;
    private readonly List<LedgerEntry> _entries;

    public CommandLedger(DeviceStatePaths paths)
    {
        _path = paths.Ledger;
        _entries = DeviceStateFiles.Read(_path, DeviceStateFiles.Ledger) ?? [];
    }

    /// <summary>When the command with this id was received before, or null when it is new; a new one is recorded durably.</summary>
    public DateTimeOffset? Record(DeviceCommand command, DateTimeOffset now)
    {
        if (_entries.Find(e => e.Id == command.Id) is { } seen)
        {
            return seen.Received;
        }

        _entries.RemoveAll(e => e.Expires + Retention < now);
        if (_entries.Count >= MaxEntries)
        {
            _entries.RemoveRange(0, _entries.Count - MaxEntries + 1);
        }

        _entries.Add(new LedgerEntry(command.Id, now, command.Expires));
        DeviceStateFiles.WriteDurably(_path, _entries, DeviceStateFiles.Ledger);
        return null;
    }
}
