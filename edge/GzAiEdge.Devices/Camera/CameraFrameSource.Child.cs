using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using GzAiEdge.Devices.Sources;

namespace GzAiEdge.Devices.Camera;

// The child process's life, on the reader thread: start, read frames until its output ends, find out why,
// wait, start again. The watchdog timer kills a child that sends no first frame within ConnectSeconds, or
// no frame for StallSeconds once streaming.
public sealed partial class CameraFrameSource
{
    private Process? _child;
    private Process? _stalledChild;
    private string? _stallReason;
    private long _progressTimestamp;

    // The reader thread's boundary: an exception escaping a thread would end the whole worker, so anything
    // unforeseen becomes the camera's Failed state with its message; the killed child is reaped by the runtime.
    private void Run()
    {
        try
        {
            Supervise();
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                (_state, _reason) = (SourceState.Failed, $"the camera reader stopped: {ex.GetType().Name}: {ex.Message}");
                Kill(_child);
            }

            DevicesLog.CameraFailed(_logger, _input, _reason!);
        }
    }

    private void Supervise()
    {
        var recovery = new SourceRecovery(_options.BackoffSeconds, _options.MaxBackoffSeconds);
        var backoff = recovery.First;
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0)
            {
                Interlocked.Increment(ref _reconnects);
            }

            if (Start() is not { } child)
            {
                return;
            }

            var (frames, partial) = Pump(child);
            var exitCode = Reap(child);
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            if (_options.IsRecording && !_options.Loop && exitCode == 0 && partial == 0 && frames > 0)
            {
                SetState(SourceState.Ended, "the input ended");
                DevicesLog.CameraEnded(_logger, _input, Interlocked.Read(ref _received));
                return;
            }

            // A run that delivered frames was a working stream: the next failure starts the backoff afresh.
            backoff = frames > 0 ? recovery.First : backoff;
            var reason = Describe(child, exitCode, partial);
            SetState(SourceState.Backoff, reason);
            DevicesLog.CameraRestarting(_logger, _input, reason, backoff);
            if (_stopping.Token.WaitHandle.WaitOne(backoff))
            {
                return;
            }

            backoff = recovery.After(backoff);
        }
    }

    private Process? Start()
    {
        var info = new ProcessStartInfo(_command.Program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in _command.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                _stderr.Add(line);
            }
        };
        _stderr.Clear();
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                process.Dispose();
                return null;
            }

            try
            {
                process.Start();
            }
            catch (Win32Exception ex)
            {
                process.Dispose();
                var package = _options.Format == "gstreamer" ? "gstreamer1.0-tools" : "ffmpeg";
                (_state, _reason) = (SourceState.Failed, $"cannot run {_command.Program} ({ex.Message}); install it (Debian package {package}) or name it in the camera's Executable");
                DevicesLog.CameraFailed(_logger, _input, _reason);
                return null;
            }

            _child = process;
            _progressTimestamp = _time.GetTimestamp();
            (_state, _reason) = (SourceState.Connecting, null);
        }

        process.BeginErrorReadLine();
        DevicesLog.CameraStarted(_logger, _input, _command.Program, process.Id);
        return process;
    }

    /// <summary>Reads frames until the child's output ends; returns the frames read and the bytes of a partial last frame.</summary>
    private (long Frames, int Partial) Pump(Process child)
    {
        var stream = child.StandardOutput.BaseStream;
        for (long index = 0; ; index++)
        {
            // Never empty: the queue, the pipeline and this thread hold at most QueueFrames + 2 buffers.
            if (!_free.TryDequeue(out var buffer))
            {
                throw new InvalidOperationException($"all {_options.QueueFrames + 2} frame buffers are in use");
            }

            int read;
            try
            {
                read = buffer.Fill(stream);
            }
            catch (IOException)
            {
                // The pipe broke under the reader (the child died mid-write): the same as its end; Reap says why.
                read = 0;
            }

            if (read < buffer.Pixels.Length)
            {
                _free.Enqueue(buffer);
                return (index, read);
            }

            var now = _time.GetTimestamp();
            buffer.Sequence = Interlocked.Read(ref _received);
            buffer.Index = index;
            buffer.Time = _startUtc + _time.GetElapsedTime(_startTimestamp, now);
            Volatile.Write(ref _progressTimestamp, now);
            Interlocked.Exchange(ref _lastFrameTicks, buffer.Time.UtcTicks);
            Interlocked.Increment(ref _received);
            if (index == 0)
            {
                Streaming(child);
            }

            _queue.Writer.TryWrite(buffer);
        }
    }

    // The watchdog may have given up on this child just as its first frame came; it stays stalled then.
    private void Streaming(Process child)
    {
        lock (_gate)
        {
            if (ReferenceEquals(child, _stalledChild))
            {
                return;
            }

            (_state, _reason) = (SourceState.Streaming, null);
        }

        DevicesLog.CameraStreaming(_logger, _input, Format.Width, Format.Height, Format.FramesPerSecond);
    }

    /// <summary>Waits for the child to exit (killing it if its output ended but it lingers) and for its stderr; returns its exit code.</summary>
    private int Reap(Process child)
    {
        if (!child.WaitForExit(TimeSpan.FromSeconds(2)))
        {
            lock (_gate)
            {
                Kill(child);
            }
        }

        child.WaitForExit();
        var code = child.ExitCode;
        lock (_gate)
        {
            _child = null;
        }

        child.Dispose();
        return code;
    }

    private string Describe(Process child, int exitCode, int partial)
    {
        if (ReferenceEquals(child, _stalledChild))
        {
            return $"stalled: {_stallReason}, {_command.Program} killed";
        }

        if (partial > 0)
        {
            return $"{_command.Program}'s output ended {partial} bytes into a {Format.FrameBytes}-byte frame ({Format.Width}x{Format.Height} RGB24): "
                + $"it wrote frames of another size; {_stderr}";
        }

        // .NET reports a child killed by signal N as exit code 128 + N.
        var how = exitCode > 128 ? $"was killed by signal {exitCode - 128}" : $"exited with code {exitCode}";
        return $"{_command.Program} {how}: {_stderr}";
    }

    private void Watch()
    {
        lock (_gate)
        {
            var limit = _state == SourceState.Connecting ? _options.ConnectSeconds : _options.StallSeconds;
            if (_child is not { } child || ReferenceEquals(child, _stalledChild) || _state is not (SourceState.Connecting or SourceState.Streaming)
                || _time.GetElapsedTime(Volatile.Read(ref _progressTimestamp)).TotalSeconds < limit)
            {
                return;
            }

            var seconds = limit.ToString(CultureInfo.InvariantCulture);
            _stalledChild = child;
            _stallReason = _state == SourceState.Connecting ? $"no first frame within {seconds} s" : $"no frame for {seconds} s";
            (_state, _reason) = (SourceState.Stalled, _stallReason);
            DevicesLog.CameraStalled(_logger, _input, _reason, child.Id);
            Kill(child);
        }
    }

    // Callers hold _gate, so that a child is never started after Dispose killed the last one.
    private static void Kill(Process? child)
    {
        try
        {
            child?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile; Reap collects it.
        }
    }
}
