using System.Buffers.Binary;

namespace GzAiEdge.Contracts.Audits;

/// <summary>
/// One item of an audit's inputs file (<see cref="AuditInputs"/>): an RGB image, a window of samples, or a series with
/// its sample rate. <see cref="Data"/> holds the raw values: RGB24 rows top to bottom for an image, float32
/// little-endian samples with channels interleaved for a window or series.
/// </summary>
/// <param name="Id">The item's id in this file.</param>
/// <param name="Kind">One of <see cref="Kinds"/>.</param>
/// <param name="Width">An image's width in pixels; 0 otherwise.</param>
/// <param name="Height">An image's height in pixels; 0 otherwise.</param>
/// <param name="Samples">Samples of a window or series; 0 for an image.</param>
/// <param name="Channels">Channels of a window or series (3 for an image's RGB).</param>
/// <param name="SampleHz">Sample rate of a series; 0 otherwise.</param>
/// <param name="Data">The raw values.</param>
public sealed record AuditInput(string Id, string Kind, int Width, int Height, int Samples, int Channels, double SampleHz, byte[] Data)
{
    /// <summary>An RGB image.</summary>
    public const string Image = "image";

    /// <summary>A window as long as the model's input.</summary>
    public const string Window = "window";

    /// <summary>A series the pipeline slides its windows over.</summary>
    public const string Series = "series";

    /// <summary>The kinds, in the order documents list them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [Image, Window, Series];

    /// <summary>An image item of RGB24 pixels.</summary>
    public static AuditInput OfImage(string id, int width, int height, byte[] rgb) => new(id, Image, width, height, 0, 3, 0, rgb);

    /// <summary>A window or series item of <paramref name="values"/> (channels interleaved).</summary>
    public static AuditInput OfSamples(string id, string kind, int channels, double sampleHz, ReadOnlySpan<float> values)
    {
        var data = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * sizeof(float)), values[i]);
        }

        return new(id, kind, 0, 0, values.Length / channels, channels, sampleHz, data);
    }

    /// <summary>Bytes <see cref="Data"/> must hold for the item's shape.</summary>
    public long ExpectedBytes => Kind == Image ? (long)Width * Height * 3 : (long)Samples * Channels * sizeof(float);

    /// <summary>A window's or series' samples as floats (channels interleaved).</summary>
    public float[] Floats()
    {
        var values = new float[Data.Length / sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(Data.AsSpan(i * sizeof(float)));
        }

        return values;
    }

    /// <summary>The same item under another id (a repeat, or the id an audit gives it).</summary>
    public AuditInput WithId(string id) => this with { Id = id };
}
