namespace GzAiEdge.Devices.Sensors.Mpu6050;

/// <summary>DLPF_CFG (register map 4.3): accelerometer bandwidth; 260 Hz disables the filter (gyro rate 8 kHz).</summary>
public enum Mpu6050Bandwidth : byte
{
    Hz260 = 0,
    Hz184 = 1,
    Hz94 = 2,
    Hz44 = 3,
    Hz21 = 4,
    Hz10 = 5,
    Hz5 = 6,
}

/// <summary>AFS_SEL (4.5): full scale of the accelerometer.</summary>
public enum Mpu6050AccelRange : byte
{
    G2 = 0,
    G4 = 1,
    G8 = 2,
    G16 = 3,
}

/// <summary>FS_SEL (4.4): full scale of the gyroscope.</summary>
public enum Mpu6050GyroRange : byte
{
    Dps250 = 0,
    Dps500 = 1,
    Dps1000 = 2,
    Dps2000 = 3,
}

/// <summary>
/// How the MPU-6050 samples into its FIFO. The defaults sample at 1 kHz (DLPF 184 Hz, gyro output rate 1 kHz,
/// SMPLRT_DIV 0), ±4 g, accelerometer only: 6 bytes a sample, so the 1024-byte FIFO holds 170 ms.
/// </summary>
public sealed record Mpu6050Settings
{
    public Mpu6050Bandwidth Bandwidth { get; init; } = Mpu6050Bandwidth.Hz184;
    public byte SampleRateDivider { get; init; }
    public Mpu6050AccelRange AccelRange { get; init; } = Mpu6050AccelRange.G4;
    public Mpu6050GyroRange GyroRange { get; init; } = Mpu6050GyroRange.Dps500;

    /// <summary>Also put the gyroscope into the FIFO (12 bytes a sample, 85 ms of FIFO at 1 kHz).</summary>
    public bool IncludeGyro { get; init; }

    /// <summary>Gyroscope output rate / (1 + SMPLRT_DIV); the output rate is 8 kHz with the DLPF off, else 1 kHz (4.2).</summary>
    public double SampleRateHz => (Bandwidth == Mpu6050Bandwidth.Hz260 ? 8000.0 : 1000.0) / (1 + SampleRateDivider);

    /// <summary>LSB per g (4.17): 16384 at ±2 g, halving with each range.</summary>
    public double AccelLsbPerG => 16384.0 / (1 << (int)AccelRange);

    /// <summary>LSB per °/s (4.19): 131 at ±250 °/s, halving with each range (the table rounds to 65.5, 32.8, 16.4).</summary>
    public double GyroLsbPerDps => 131.0 / (1 << (int)GyroRange);

    internal int FrameSize => IncludeGyro ? 12 : 6;

    /// <summary>How long the 1024-byte FIFO takes to fill: the longest a reader may leave it (170 ms at the defaults).</summary>
    public TimeSpan FifoDuration => TimeSpan.FromSeconds(Mpu6050Registers.FifoSize / FrameSize / SampleRateHz);

    /// <summary>Throws naming the setting that cannot work.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Bandwidth) || !Enum.IsDefined(AccelRange) || !Enum.IsDefined(GyroRange))
            throw new ArgumentException($"Mpu6050Settings has a value the MPU-6050 does not have: {this}");
        // The accelerometer outputs at 1 kHz: faster sampling repeats the same accelerometer sample (4.2 note).
        if (SampleRateHz > 1000)
            throw new ArgumentException(
                $"Mpu6050Settings.SampleRateDivider = {SampleRateDivider} with Bandwidth Hz260 samples at {SampleRateHz} Hz, above the accelerometer's 1 kHz output rate (register map 4.2); use a divider of 7 or more");
    }
}
