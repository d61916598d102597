using GzAiEdge.Devices.Gpio;
using GzAiEdge.Devices.Gpio.Interop;
using static GzAiEdge.Devices.Tests.Native.LibCLayoutTests;
using KernelHeaders = GzAiEdge.Devices.Tests.Native.KernelHeaders;

namespace GzAiEdge.Devices.Tests.Gpio;

public sealed unsafe class GpioUapiLayoutTests
{
    public static TheoryData<string, int> Sizes() => new()
    {
        { "gpiochip_info", sizeof(GpiochipInfo) },
        { "gpio_v2_line_values", sizeof(GpioV2LineValues) },
        { "gpio_v2_line_attribute", sizeof(GpioV2LineAttribute) },
        { "gpio_v2_line_config_attribute", sizeof(GpioV2LineConfigAttribute) },
        { "gpio_v2_line_config", sizeof(GpioV2LineConfig) },
        { "gpio_v2_line_request", sizeof(GpioV2LineRequest) },
        { "gpio_v2_line_info", sizeof(GpioV2LineInfo) },
        { "gpio_v2_line_event", sizeof(GpioV2LineEvent) },
    };

    public static TheoryData<string, string, long> Offsets()
    {
        GpiochipInfo chip;
        GpioV2LineValues values;
        GpioV2LineAttribute attribute;
        GpioV2LineConfigAttribute configAttribute;
        GpioV2LineConfig config;
        GpioV2LineRequest request;
        GpioV2LineInfo info;
        GpioV2LineEvent e;
        return new()
        {
            { "gpiochip_info", "name", Offset(&chip, chip.Name) },
            { "gpiochip_info", "label", Offset(&chip, chip.Label) },
            { "gpiochip_info", "lines", Offset(&chip, &chip.Lines) },
            { "gpio_v2_line_values", "bits", Offset(&values, &values.Bits) },
            { "gpio_v2_line_values", "mask", Offset(&values, &values.Mask) },
            { "gpio_v2_line_attribute", "id", Offset(&attribute, &attribute.Id) },
            { "gpio_v2_line_attribute", "padding", Offset(&attribute, &attribute.Padding) },
            { "gpio_v2_line_attribute", "flags", Offset(&attribute, &attribute.Flags) },
            { "gpio_v2_line_attribute", "values", Offset(&attribute, &attribute.Values) },
            { "gpio_v2_line_attribute", "debounce_period_us", Offset(&attribute, &attribute.DebouncePeriodMicroseconds) },
            { "gpio_v2_line_config_attribute", "attr", Offset(&configAttribute, &configAttribute.Attribute) },
            { "gpio_v2_line_config_attribute", "mask", Offset(&configAttribute, &configAttribute.Mask) },
            { "gpio_v2_line_config", "flags", Offset(&config, &config.Flags) },
            { "gpio_v2_line_config", "num_attrs", Offset(&config, &config.NumAttrs) },
            { "gpio_v2_line_config", "padding", Offset(&config, config.Padding) },
            { "gpio_v2_line_config", "attrs", Offset(&config, &config.Attrs) },
            { "gpio_v2_line_config", "attrs[1]", Offset(&config, &((GpioV2LineConfigAttribute*)&config.Attrs)[1]) },
            { "gpio_v2_line_request", "offsets", Offset(&request, request.Offsets) },
            { "gpio_v2_line_request", "consumer", Offset(&request, request.Consumer) },
            { "gpio_v2_line_request", "config", Offset(&request, &request.Config) },
            { "gpio_v2_line_request", "num_lines", Offset(&request, &request.NumLines) },
            { "gpio_v2_line_request", "event_buffer_size", Offset(&request, &request.EventBufferSize) },
            { "gpio_v2_line_request", "padding", Offset(&request, request.Padding) },
            { "gpio_v2_line_request", "fd", Offset(&request, &request.Fd) },
            { "gpio_v2_line_info", "name", Offset(&info, info.Name) },
            { "gpio_v2_line_info", "consumer", Offset(&info, info.Consumer) },
            { "gpio_v2_line_info", "offset", Offset(&info, &info.Offset) },
            { "gpio_v2_line_info", "num_attrs", Offset(&info, &info.NumAttrs) },
            { "gpio_v2_line_info", "flags", Offset(&info, &info.Flags) },
            { "gpio_v2_line_info", "attrs", Offset(&info, &info.Attrs) },
            { "gpio_v2_line_info", "attrs[1]", Offset(&info, &((GpioV2LineAttribute*)&info.Attrs)[1]) },
            { "gpio_v2_line_info", "padding", Offset(&info, info.Padding) },
            { "gpio_v2_line_event", "timestamp_ns", Offset(&e, &e.TimestampNs) },
            { "gpio_v2_line_event", "id", Offset(&e, &e.Id) },
            { "gpio_v2_line_event", "offset", Offset(&e, &e.Offset) },
            { "gpio_v2_line_event", "seqno", Offset(&e, &e.Seqno) },
            { "gpio_v2_line_event", "line_seqno", Offset(&e, &e.LineSeqno) },
            { "gpio_v2_line_event", "padding", Offset(&e, e.Padding) },
        };
    }

    public static TheoryData<string, ulong> Values() => new()
    {
        { "GPIO_MAX_NAME_SIZE", GpioUapi.MaxNameSize },
        { "GPIO_V2_LINES_MAX", GpioUapi.LinesMax },
        { "GPIO_V2_LINE_NUM_ATTRS_MAX", GpioUapi.LineNumAttrsMax },
        { "GPIO_GET_CHIPINFO_IOCTL", GpioUapi.GetChipInfo.Number },
        { "GPIO_V2_GET_LINEINFO_IOCTL", GpioUapi.GetLineInfo.Number },
        { "GPIO_V2_GET_LINE_IOCTL", GpioUapi.GetLine.Number },
        { "GPIO_V2_LINE_GET_VALUES_IOCTL", GpioUapi.GetValues.Number },
        { "GPIO_V2_LINE_SET_VALUES_IOCTL", GpioUapi.SetValues.Number },
        { "GPIO_V2_LINE_ATTR_ID_FLAGS", GpioUapi.AttrIdFlags },
        { "GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES", GpioUapi.AttrIdOutputValues },
        { "GPIO_V2_LINE_ATTR_ID_DEBOUNCE", GpioUapi.AttrIdDebounce },
        { "GPIO_V2_LINE_EVENT_RISING_EDGE", GpioUapi.EventRisingEdge },
        { "GPIO_V2_LINE_EVENT_FALLING_EDGE", GpioUapi.EventFallingEdge },
        { "GPIO_V2_LINE_FLAG_USED", (ulong)GpioLineFlags.Used },
        { "GPIO_V2_LINE_FLAG_ACTIVE_LOW", (ulong)GpioLineFlags.ActiveLow },
        { "GPIO_V2_LINE_FLAG_INPUT", (ulong)GpioLineFlags.Input },
        { "GPIO_V2_LINE_FLAG_OUTPUT", (ulong)GpioLineFlags.Output },
        { "GPIO_V2_LINE_FLAG_EDGE_RISING", (ulong)GpioLineFlags.EdgeRising },
        { "GPIO_V2_LINE_FLAG_EDGE_FALLING", (ulong)GpioLineFlags.EdgeFalling },
        { "GPIO_V2_LINE_FLAG_OPEN_DRAIN", (ulong)GpioLineFlags.OpenDrain },
        { "GPIO_V2_LINE_FLAG_OPEN_SOURCE", (ulong)GpioLineFlags.OpenSource },
        { "GPIO_V2_LINE_FLAG_BIAS_PULL_UP", (ulong)GpioLineFlags.BiasPullUp },
        { "GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN", (ulong)GpioLineFlags.BiasPullDown },
        { "GPIO_V2_LINE_FLAG_BIAS_DISABLED", (ulong)GpioLineFlags.BiasDisabled },
        { "GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME", (ulong)GpioLineFlags.EventClockRealtime },
        { "GPIO_V2_LINE_FLAG_EVENT_CLOCK_HTE", (ulong)GpioLineFlags.EventClockHte },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Struct_size_matches_linux_gpio_h(string type, int size) =>
        Assert.Equal(KernelHeaders.SizeOf(type), size);

    [Theory]
    [MemberData(nameof(Offsets))]
    public void Field_offset_matches_linux_gpio_h(string type, string field, long offset) =>
        Assert.Equal(KernelHeaders.OffsetOf(type, field), offset);

    [Theory]
    [MemberData(nameof(Values))]
    public void Constant_and_ioctl_number_match_linux_gpio_h(string name, ulong value) =>
        Assert.Equal(KernelHeaders.Value(name), value);

    [Fact]
    public void Ioctl_numbers_equal_the_values_worked_out_by_hand()
    {
        // _IOR/_IOWR(0xB4, nr, size): direction << 30 | size << 16 | 0xB4 << 8 | nr, sizes 68, 256, 592 and 16.
        Assert.Equal(0x8044B401u, (uint)GpioUapi.GetChipInfo.Number);
        Assert.Equal(0xC100B405u, (uint)GpioUapi.GetLineInfo.Number);
        Assert.Equal(0xC250B407u, (uint)GpioUapi.GetLine.Number);
        Assert.Equal(0xC010B40Eu, (uint)GpioUapi.GetValues.Number);
        Assert.Equal(0xC010B40Fu, (uint)GpioUapi.SetValues.Number);
    }
}
