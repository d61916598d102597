using System.Numerics;

namespace GzAiEdge.Devices.Sensors.Mpu6050;

/// <summary>
/// One FIFO sample. <see cref="Index"/> counts samples since the FIFO started, lost ones included, so a gap in
/// it is a gap in the data; <see cref="Time"/> is <see cref="Index"/> over the sample rate.
/// </summary>
/// <param name="Acceleration">In g (standard gravity).</param>
/// <param name="AngularRate">In °/s; null when the gyroscope is not in the FIFO.</param>
public readonly record struct Mpu6050Sample(long Index, TimeSpan Time, Vector3 Acceleration, Vector3? AngularRate)
{
    /// <summary>Standard gravity, m/s² per g (CGPM 1901).</summary>
    public const float StandardGravity = 9.80665f;

    public Vector3 AccelerationMetersPerSecondSquared => Acceleration * StandardGravity;
}
