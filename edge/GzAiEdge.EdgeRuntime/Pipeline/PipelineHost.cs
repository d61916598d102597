using GzAiEdge.EdgeRuntime.Pipeline.Inference;

namespace GzAiEdge.EdgeRuntime.Pipeline;

/// <summary>
/// Owns the device's current <see cref="ISampleSource"/>: <see cref="Services.PipelineService"/> ticks it, and
/// commands replace it without restarting the process (new configuration values, a new model). A replacement
/// that runs a model can be put on trial: the old source is kept, not ticked, until the new one's first N
/// inferences passed (<see cref="InferenceProbe"/>); if one fails the old source runs again at once, so a bad
/// model never leaves the device without a working pipeline. Ticks and replacements take one lock, so a source
/// is never disposed in the middle of its tick; audit items (<see cref="Exclusive{T}"/>) take it too, one at a time and
/// after any tick that is waiting, since they run on the same model binding.
/// </summary>
public sealed class PipelineHost(ISampleSource initial) : IDisposable
{
    private readonly Lock _gate = new();
    private ISampleSource _current = initial;
    private Trial? _trial;
    private int _ticksWaiting;

    /// <summary>The source ticked now.</summary>
    public ISampleSource Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Ticks the current source. A source on trial that throws is taken out, its samples of this tick dropped, and the old source is back.</summary>
    public void Tick(DateTimeOffset time, double seconds, List<Sample> samples)
    {
        Interlocked.Increment(ref _ticksWaiting);
        lock (_gate)
        {
            Interlocked.Decrement(ref _ticksWaiting);
            if (_trial is not { } trial)
            {
                _current.Tick(time, seconds, samples);
                return;
            }

            var before = samples.Count;
            try
            {
                _current.Tick(time, seconds, samples);
            }
            catch (Exception ex)
            {
                // The trial is the boundary the new model is contained by: whatever it throws (ONNX Runtime
                // errors, non-finite outputs, a pipeline's own checks), the device goes back to what worked.
                samples.RemoveRange(before, samples.Count - before);
                EndTrial(trial, new TrialResult(false, ex.Message));
                return;
            }

            if (trial.Probe.Done)
            {
                EndTrial(trial, new TrialResult(true, $"the first {trial.Probe.Required} inferences ran with finite outputs"));
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the current source under the lock ticks take, once no tick is waiting for it: an
    /// audit item gives way to the field, so a field tick waits at most for the one item already running.
    /// </summary>
    public T Exclusive<T>(Func<ISampleSource, T> work)
    {
        var spin = default(SpinWait);
        while (Volatile.Read(ref _ticksWaiting) > 0)
        {
            spin.SpinOnce();
        }

        lock (_gate)
        {
            return work(_current);
        }
    }

    /// <summary>
    /// Puts <paramref name="next"/> in place. Without a trial (<paramref name="probeInferences"/> 0, or a source
    /// without a model) the old source is disposed at once and the result is a pass. With one, the task completes
    /// when the trial ends: passed (the old source is disposed) or failed (the new one is disposed and the old
    /// one runs again). A trial still running is failed first.
    /// </summary>
    public Task<TrialResult> Replace(ISampleSource next, int probeInferences)
    {
        lock (_gate)
        {
            if (_trial is { } running)
            {
                EndTrial(running, new TrialResult(false, "replaced by another change"));
            }

            if (probeInferences <= 0 || next is not ModelPipeline pipeline)
            {
                var old = _current;
                _current = next;
                old.Dispose();
                return Task.FromResult(new TrialResult(true, "no model to try"));
            }

            pipeline.Runner.Probe = new InferenceProbe(probeInferences);
            _trial = new Trial(_current, pipeline.Runner.Probe);
            _current = next;
            return _trial.Result.Task;
        }
    }

    /// <summary>
    /// <see cref="Replace"/>, and waits for the trial; one not passed within <paramref name="timeout"/> fails
    /// (the old source runs again). A stop of the worker cancels the wait, not the trial.
    /// </summary>
    public async Task<TrialResult> TryAsync(ISampleSource next, int probeInferences, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var trial = Replace(next, probeInferences);
        try
        {
            return await trial.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            var (passed, required) = TrialProgress ?? (0, probeInferences);
            AbortTrial($"only {passed} of {required} inferences ran within {timeout.TotalSeconds:0} s");
            return await trial;
        }
    }

    /// <summary>Fails the trial in progress, if any (it took too long): the old source runs again.</summary>
    public void AbortTrial(string reason)
    {
        lock (_gate)
        {
            if (_trial is { } trial)
            {
                EndTrial(trial, new TrialResult(false, reason));
            }
        }
    }

    /// <summary>How far the trial in progress got: runs passed of required; null when none runs.</summary>
    public (int Passed, int Required)? TrialProgress
    {
        get
        {
            lock (_gate)
            {
                return _trial is { } t ? (t.Probe.Passed, t.Probe.Required) : null;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _trial?.Previous.Dispose();
            _trial = null;
            _current.Dispose();
        }
    }

    private void EndTrial(Trial trial, TrialResult result)
    {
        _trial = null;
        if (result.Passed)
        {
            ((ModelPipeline)_current).Runner.Probe = null;
            trial.Previous.Dispose();
        }
        else
        {
            _current.Dispose();
            _current = trial.Previous;
        }

        trial.Result.TrySetResult(result);
    }

    private sealed record Trial(ISampleSource Previous, InferenceProbe Probe)
    {
        public TaskCompletionSource<TrialResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>How a replacement's trial ended: passed or not, and what happened, in words.</summary>
public sealed record TrialResult(bool Passed, string Detail);
