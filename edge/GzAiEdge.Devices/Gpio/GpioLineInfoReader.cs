using GzAiEdge.Devices.Gpio.Interop;
using GzAiEdge.Devices.Native;

namespace GzAiEdge.Devices.Gpio;

/// <summary>Reads a <c>struct gpio_v2_line_info</c>; its attributes carry the debounce period in effect.</summary>
internal static unsafe class GpioLineInfoReader
{
    public static GpioLineInfo Read(GpioV2LineInfo* raw)
    {
        TimeSpan? debounce = null;
        var attributes = Math.Min(raw->NumAttrs, GpioUapi.LineNumAttrsMax);
        for (var i = 0; i < attributes; i++)
        {
            if (raw->Attrs[i].Id == GpioUapi.AttrIdDebounce)
            {
                debounce = TimeSpan.FromMicroseconds(raw->Attrs[i].DebouncePeriodMicroseconds);
            }
        }

        return new GpioLineInfo(
            (int)raw->Offset,
            CString.Read(raw->Name, GpioUapi.MaxNameSize),
            CString.Read(raw->Consumer, GpioUapi.MaxNameSize),
            (GpioLineFlags)raw->Flags,
            debounce);
    }
}
