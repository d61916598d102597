namespace GzAiEdge.Devices.Sensors.Max30102;

/// <summary>
/// What <see cref="PpgAnalyzer"/> makes of the samples so far. Anything it cannot tell is null: no finger, not
/// enough regular beats yet, too weak a pulse, or a ratio outside the calibration curve. Not a medical reading.
/// </summary>
/// <param name="FingerDetected">IR light returned at least the finger threshold.</param>
/// <param name="HeartRateBpm">Beats per minute from the intervals between IR pulse peaks.</param>
/// <param name="Spo2Percent">Estimated oxygen saturation from <paramref name="RatioOfRatios"/> and the curve.</param>
/// <param name="RatioOfRatios">R = (AC_red / DC_red) / (AC_ir / DC_ir), with AC the band-passed RMS.</param>
/// <param name="PerfusionPercent">AC_ir / DC_ir in percent: how strong the pulse is in the light.</param>
public readonly record struct PpgReading(
    bool FingerDetected, double? HeartRateBpm, double? Spo2Percent, double? RatioOfRatios, double? PerfusionPercent);
