namespace GzAiEdge.EdgeRuntime.Pipeline.Inference;

/// <summary>The vital-signs alert rule: one alert at the start of each run of abnormal windows, for field windows and audit series alike.</summary>
internal struct AlertRun
{
    private bool _inRun;

    /// <summary>Whether the window just decided (<paramref name="abnormal"/> or not) raises an alert.</summary>
    public bool Next(bool abnormal)
    {
        var alert = abnormal && !_inRun;
        _inRun = abnormal;
        return alert;
    }
}
