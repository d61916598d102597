using GzAiEdge.Contracts.Messages;
using GzAiEdge.Contracts.Validation;

namespace GzAiEdge.Contracts.Tests.Validation;

public sealed class DeviceEventValidatorTests
{
    [Fact]
    public void An_over_long_message_is_cut_to_the_limit_saying_so_and_then_passes()
    {
        var fitted = DeviceEventValidator.Fit(Event(new string('x', 10_000)));

        Assert.Equal(DeviceEventValidator.MaxMessageLength, fitted.Message.Length);
        Assert.EndsWith(" … (10000 characters, cut)", fitted.Message, StringComparison.Ordinal);
        Assert.Empty(DeviceEventValidator.Validate(fitted));
        Assert.Single(DeviceEventValidator.Validate(Event(new string('x', 10_000))));
    }

    [Fact]
    public void A_message_within_the_limit_is_left_as_it_is_and_a_cut_never_splits_a_surrogate_pair()
    {
        var short_ = Event("fine");
        var emoji = Event(string.Concat(Enumerable.Repeat("😀", 3000)));

        Assert.Same(short_, DeviceEventValidator.Fit(short_));
        var cut = DeviceEventValidator.Fit(emoji).Message;
        var kept = cut[..cut.IndexOf(" … ", StringComparison.Ordinal)];
        Assert.False(char.IsHighSurrogate(kept[^1]));
        Assert.Empty(DeviceEventValidator.Validate(DeviceEventValidator.Fit(emoji)));
    }

    private static DeviceEvent Event(string message) => new()
    {
        V = 1,
        Site = "s",
        Device = "d",
        Time = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
        Level = "warning",
        Code = "command.rolled_back",
        Message = message,
    };
}
