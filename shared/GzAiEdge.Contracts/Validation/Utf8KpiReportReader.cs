using System.Buffers.Text;
using GzAiEdge.Contracts.Messages;

namespace GzAiEdge.Contracts.Validation;

/// <summary>
/// The scanner behind <see cref="Utf8KpiReport.TryRead"/>: a strict subset of JSON (RFC 8259) in which
/// every string is printable ASCII without escapes, so that what it accepts is valid JSON that
/// System.Text.Json reads to exactly the same values. It gives up (false) at the first thing outside
/// that subset or outside the contract; it never decides that a report is bad.
/// </summary>
internal ref partial struct Utf8KpiReportReader(ReadOnlySpan<byte> json, Span<Utf8Kpi> kpis, Span<byte> texts)
{
    private const int Site = 1, Device = 2, Scenario = 4, Seq = 8, WindowStart = 16, WindowEnd = 32, Kpis = 64,
        Model = 128, Prev = 256, Kid = 512, Sig = 1024, V = 2048;

    private const int Required = V | Site | Device | Scenario | Seq | WindowStart | WindowEnd | Kpis;

    private readonly ReadOnlySpan<byte> _json = json;
    private readonly Span<Utf8Kpi> _kpis = kpis;
    private readonly Span<byte> _texts = texts;
    private int _position;
    private int _textsUsed;

    /// <summary>The report read so far; complete when <see cref="TryRead"/> returned true.</summary>
    public Utf8KpiReport Report;

    public bool TryRead()
    {
        ref var report = ref Report;
        if (!Take((byte)'{'))
        {
            return false;
        }

        var seen = 0;
        do
        {
            if (!TryString(out var key, out _) || !Take((byte)':') || !TryMember(key, ref seen))
            {
                return false;
            }
        }
        while (Take((byte)','));

        if (!Take((byte)'}') || SkipWhiteSpace() != _json.Length || (seen & Required) != Required)
        {
            return false;
        }

        var window = report.WindowEndTicks - report.WindowStartTicks;
        return report.Seq >= 1 && window > 0 && window <= KpiReportValidator.MaxWindow.Ticks
            && Utf8Checks.IsIdentifier(report.Site) && Utf8Checks.IsIdentifier(report.Device) && Utf8Checks.IsIdentifier(report.Scenario)
            && ((seen & Prev) == 0 || Utf8Checks.IsLowerHex(report.Prev, 64))
            && ((seen & Kid) == 0) == ((seen & Sig) == 0)
            && ((seen & Kid) == 0 || (Utf8Checks.IsLowerHex(report.Kid, 16) && Utf8Checks.IsSignature(report.Sig)));
    }

    private bool TryMember(ReadOnlySpan<byte> key, ref int seen)
    {
        ref var report = ref Report;
        var member = key switch
        {
            _ when key.SequenceEqual("v"u8) => V,
            _ when key.SequenceEqual("site"u8) => Site,
            _ when key.SequenceEqual("device"u8) => Device,
            _ when key.SequenceEqual("scenario"u8) => Scenario,
            _ when key.SequenceEqual("seq"u8) => Seq,
            _ when key.SequenceEqual("windowStart"u8) => WindowStart,
            _ when key.SequenceEqual("windowEnd"u8) => WindowEnd,
            _ when key.SequenceEqual("kpis"u8) => Kpis,
            _ when key.SequenceEqual("model"u8) => Model,
            _ when key.SequenceEqual("prev"u8) => Prev,
            _ when key.SequenceEqual("kid"u8) => Kid,
            _ when key.SequenceEqual("sig"u8) => Sig,
            _ => 0,
        };

        // Unknown members are an error to the serializer; repeated ones are left to it too.
        if (member == 0 || (seen & member) != 0)
        {
            return false;
        }

        seen |= member;
        ReadOnlySpan<byte> text;
        switch (member)
        {
            case V:
                return TryInteger(out var version) && version == ContractVersion.Current;
            case Seq:
                var ok = TryInteger(out var seq);
                report.Seq = seq;
                return ok;
            case WindowStart or WindowEnd:
                if (!TryString(out text, out _) || !Utf8Time.TryParseUtc(text, out var ticks))
                {
                    return false;
                }

                if (member == WindowStart)
                {
                    report.WindowStartTicks = ticks;
                }
                else
                {
                    report.WindowEndTicks = ticks;
                }

                return true;
            case Kpis:
                return TryKpis();
            case Model:
                return TryModel();
            default:
                if (!TryString(out text, out _))
                {
                    return false;
                }

                switch (member)
                {
                    case Site:
                        report.Site = text;
                        break;
                    case Device:
                        report.Device = text;
                        break;
                    case Scenario:
                        report.Scenario = text;
                        break;
                    case Prev:
                        report.Prev = text;
                        break;
                    case Kid:
                        report.Kid = text;
                        break;
                    default:
                        report.Sig = text;
                        break;
                }

                return true;
        }
    }

    private bool TryKpis()
    {
        ref var report = ref Report;
        if (!Take((byte)'{'))
        {
            return false;
        }

        var count = 0;
        do
        {
            if (count == KpiReportValidator.MaxKpis || !TryString(out var name, out var nameStart) || nameStart < 0
                || !Utf8Checks.IsKpiName(name) || !Take((byte)':') || !TryNumber(out var number)
                || !TryAddText(number, out var textStart, out var textLength))
            {
                return false;
            }

            ref var kpi = ref _kpis[count];
            (kpi.NameStart, kpi.NameLength, kpi.TextStart, kpi.TextLength) = (nameStart, name.Length, textStart, textLength);
            count++;
        }
        while (Take((byte)','));

        report.KpiCount = count;
        return Take((byte)'}') && Order(count);
    }

    private bool TryModel()
    {
        ref var report = ref Report;
        if (!Take((byte)'{'))
        {
            return false;
        }

        var seen = 0;
        do
        {
            if (!TryString(out var key, out _) || !Take((byte)':') || !TryString(out var value, out _))
            {
                return false;
            }

            var member = key.SequenceEqual("name"u8) ? 1 : key.SequenceEqual("version"u8) ? 2 : key.SequenceEqual("sha256"u8) ? 4 : 0;
            if (member == 0 || (seen & member) != 0)
            {
                return false;
            }

            seen |= member;
            if (member == 1)
            {
                report.ModelName = value;
            }
            else if (member == 2)
            {
                report.ModelVersion = value;
            }
            else
            {
                report.ModelSha256 = value;
            }
        }
        while (Take((byte)','));

        return Take((byte)'}') && seen == 7 && Utf8Checks.HasText(report.ModelName) && Utf8Checks.HasText(report.ModelVersion)
            && Utf8Checks.IsLowerHex(report.ModelSha256, 64);
    }

    /// <summary>Sorts the KPIs by name (insertion sort: at most 64) into <see cref="Utf8Kpi.Ordered"/>; false on a repeated name.</summary>
    private readonly bool Order(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var name = Name(i);
            var at = i;
            while (at > 0)
            {
                var comparison = Name(_kpis[at - 1].Ordered).SequenceCompareTo(name);
                if (comparison == 0)
                {
                    return false;
                }

                if (comparison < 0)
                {
                    break;
                }

                _kpis[at].Ordered = _kpis[at - 1].Ordered;
                at--;
            }

            _kpis[at].Ordered = i;
        }

        return true;
    }

    private readonly ReadOnlySpan<byte> Name(int index) => _json.Slice(_kpis[index].NameStart, _kpis[index].NameLength);

    /// <summary>
    /// Stores the value's shortest round-trip text: the payload's own digits when they are it already
    /// (such a plain decimal is always finite, so it need not even be parsed), else the parsed value
    /// formatted, which fails for what the serializer refuses (out of range, so infinite).
    /// </summary>
    private bool TryAddText(ReadOnlySpan<byte> number, out int start, out int length)
    {
        start = _textsUsed;
        var destination = _texts[_textsUsed..];
        if (ShortestText.IsShortest(number))
        {
            number.CopyTo(destination);
            length = number.Length;
        }
        else if (!Utf8Parser.TryParse(number, out double value, out var consumed) || consumed != number.Length || !double.IsFinite(value)
            || !value.TryFormat(destination, out length, "R", System.Globalization.CultureInfo.InvariantCulture))
        {
            length = 0;
            return false;
        }

        _textsUsed += length;
        return true;
    }
}
