namespace GzAiEdge.TimeSeries;

/// <summary>The four field types InfluxDB 1.x stores: float, integer, boolean and string.</summary>
public enum FieldKind
{
    Float,
    Integer,
    Boolean,
    String,
}

/// <summary>A field value without boxing; convert implicitly from double, long, int, bool or string.</summary>
public readonly record struct FieldValue
{
    private readonly double _float;
    private readonly long _integer;
    private readonly string? _string;

    private FieldValue(FieldKind kind, double floatValue, long integerValue, string? stringValue)
    {
        Kind = kind;
        _float = floatValue;
        _integer = integerValue;
        _string = stringValue;
    }

    public FieldKind Kind { get; }

    public double AsFloat => Kind == FieldKind.Float ? _float : throw WrongKind(FieldKind.Float);

    public long AsInteger => Kind == FieldKind.Integer ? _integer : throw WrongKind(FieldKind.Integer);

    public bool AsBoolean => Kind == FieldKind.Boolean ? _integer != 0 : throw WrongKind(FieldKind.Boolean);

    public string AsString => Kind == FieldKind.String ? _string! : throw WrongKind(FieldKind.String);

    public static FieldValue Float(double value) => new(FieldKind.Float, value, 0, null);

    public static FieldValue Integer(long value) => new(FieldKind.Integer, 0, value, null);

    public static FieldValue Boolean(bool value) => new(FieldKind.Boolean, 0, value ? 1 : 0, null);

    public static FieldValue String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(FieldKind.String, 0, 0, value);
    }

    public static implicit operator FieldValue(double value) => Float(value);

    public static implicit operator FieldValue(long value) => Integer(value);

    public static implicit operator FieldValue(int value) => Integer(value);

    public static implicit operator FieldValue(bool value) => Boolean(value);

    public static implicit operator FieldValue(string value) => String(value);

    public override string ToString() => Kind switch
    {
        FieldKind.Float => _float.ToString("R"),
        FieldKind.Integer => _integer.ToString(),
        FieldKind.Boolean => _integer != 0 ? "true" : "false",
        _ => _string!,
    };

    private InvalidOperationException WrongKind(FieldKind wanted) => new($"field value is {Kind}, not {wanted}");
}
