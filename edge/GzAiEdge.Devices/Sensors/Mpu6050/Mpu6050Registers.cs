namespace GzAiEdge.Devices.Sensors.Mpu6050;

/// <summary>
/// MPU-6050 registers and bits, from the InvenSense register map RM-MPU-6000A-00 (rev 4.2); section numbers are
/// that document's. Timings are from the product specification PS-MPU-6000A-00 (rev 3.4).
/// </summary>
internal static class Mpu6050Registers
{
    /// <summary>SMPLRT_DIV: sample rate = gyroscope output rate / (1 + SMPLRT_DIV) (4.2).</summary>
    public const byte SmplrtDiv = 0x19;

    /// <summary>CONFIG: EXT_SYNC_SET[5:3], DLPF_CFG[2:0] (4.3).</summary>
    public const byte Config = 0x1A;

    /// <summary>GYRO_CONFIG: FS_SEL[4:3] (4.4).</summary>
    public const byte GyroConfig = 0x1B;

    /// <summary>ACCEL_CONFIG: AFS_SEL[4:3] (4.5).</summary>
    public const byte AccelConfig = 0x1C;

    /// <summary>FIFO_EN: which outputs go into the FIFO at each sample, in register order (4.6).</summary>
    public const byte FifoEn = 0x23;
    public const byte FifoEnGyroXyz = 0b0111_0000;
    public const byte FifoEnAccel = 0b0000_1000;

    /// <summary>INT_ENABLE: FIFO_OFLOW_EN[4] (4.15).</summary>
    public const byte IntEnable = 0x38;

    /// <summary>INT_STATUS: FIFO_OFLOW_INT[4]; cleared by reading it (4.16).</summary>
    public const byte IntStatus = 0x3A;
    public const byte FifoOverflow = 1 << 4;

    /// <summary>USER_CTRL: FIFO_EN[6], FIFO_RESET[2] (resets only while FIFO_EN is 0, then clears itself) (4.27).</summary>
    public const byte UserCtrl = 0x6A;
    public const byte UserCtrlFifoEnable = 1 << 6;
    public const byte UserCtrlFifoReset = 1 << 2;

    /// <summary>PWR_MGMT_1: DEVICE_RESET[7], SLEEP[6] (set at power-on: reset value 0x40), CLKSEL[2:0] (4.28).</summary>
    public const byte PwrMgmt1 = 0x6B;
    public const byte DeviceReset = 1 << 7;

    /// <summary>CLKSEL 1: PLL with the X gyroscope as reference, which 4.28 recommends over the internal oscillator.</summary>
    public const byte ClockPllGyroX = 0x01;

    /// <summary>FIFO_COUNT_H/L: bytes in the FIFO; reading the high byte latches both (4.30).</summary>
    public const byte FifoCountH = 0x72;

    /// <summary>FIFO_R_W: reading pops the oldest byte; a burst keeps reading the FIFO (4.31).</summary>
    public const byte FifoRw = 0x74;

    /// <summary>WHO_AM_I: 0x68 whatever the AD0 pin (4.32).</summary>
    public const byte WhoAmI = 0x75;
    public const byte WhoAmIValue = 0x68;

    /// <summary>The FIFO holds 1024 bytes (product specification 7.17).</summary>
    public const int FifoSize = 1024;
}
