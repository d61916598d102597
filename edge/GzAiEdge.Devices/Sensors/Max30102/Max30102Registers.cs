namespace GzAiEdge.Devices.Sensors.Max30102;

/// <summary>
/// MAX30102 registers and bits, from the Maxim datasheet 19-7740 (rev 1, 10/18), "Register Maps and Descriptions";
/// the register sections are cited by their titles.
/// </summary>
internal static class Max30102Registers
{
    /// <summary>Interrupt Status 1: A_FULL[7], PPG_RDY[6], ALC_OVF[5], PWR_RDY[0]; reading clears it.</summary>
    public const byte IntStatus1 = 0x00;
    public const byte AlmostFull = 1 << 7;
    public const byte AmbientLightOverflow = 1 << 5;

    /// <summary>Interrupt Enable 1: A_FULL_EN[7].</summary>
    public const byte IntEnable1 = 0x02;

    /// <summary>FIFO Write Pointer, Overflow Counter, Read Pointer: 5 bits each, the FIFO is 32 samples deep.</summary>
    public const byte FifoWritePointer = 0x04;
    public const byte OverflowCounter = 0x05;
    public const byte FifoReadPointer = 0x06;
    public const int FifoDepth = 32;

    /// <summary>The overflow counter saturates here: beyond it the chip no longer counts.</summary>
    public const int OverflowCounterMax = 0x1F;

    /// <summary>FIFO Data: reading does not move the register pointer; each sample advances the read pointer.</summary>
    public const byte FifoData = 0x07;

    /// <summary>FIFO Configuration: SMP_AVE[7:5], FIFO_ROLLOVER_EN[4], FIFO_A_FULL[3:0].</summary>
    public const byte FifoConfig = 0x08;

    /// <summary>Mode Configuration: SHDN[7], RESET[6] (clears itself when done), MODE[2:0] (0b011 SpO2: red and IR).</summary>
    public const byte ModeConfig = 0x09;
    public const byte ModeReset = 1 << 6;
    public const byte ModeSpo2 = 0b011;

    /// <summary>SpO2 Configuration: SPO2_ADC_RGE[6:5], SPO2_SR[4:2], LED_PW[1:0].</summary>
    public const byte Spo2Config = 0x0A;

    /// <summary>LED Pulse Amplitude: LED1 is red, LED2 is IR; 0.2 mA per step, 0xFF = 51 mA.</summary>
    public const byte Led1PulseAmplitude = 0x0C;
    public const byte Led2PulseAmplitude = 0x0D;

    /// <summary>Die Temperature Integer (two's complement °C) and Fraction (bits 3:0, 0.0625 °C).</summary>
    public const byte DieTemperatureInteger = 0x1F;

    /// <summary>Die Temperature Config: TEMP_EN[0] starts one conversion and clears itself when it is done.</summary>
    public const byte DieTemperatureConfig = 0x21;

    /// <summary>Revision ID and Part ID (0x15).</summary>
    public const byte RevisionId = 0xFE;
    public const byte PartId = 0xFF;
    public const byte PartIdValue = 0x15;
}
