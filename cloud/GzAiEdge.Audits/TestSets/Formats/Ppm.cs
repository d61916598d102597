using System.Text;

namespace GzAiEdge.Audits.TestSets.Formats;

/// <summary>
/// Binary PPM (netpbm P6, maxval 255): the image format a test set's images come in, because every converter writes it
/// (<c>ffmpeg -i x.png x.ppm</c>, ImageMagick, Pillow) and reading it needs no codec. Comments (<c>#</c>) are allowed in the header.
/// </summary>
internal static class Ppm
{
    /// <summary>The image's width, height and RGB24 pixels.</summary>
    /// <exception cref="InvalidDataException">Not a P6 image with maxval 255, or shorter than its header says.</exception>
    public static (int Width, int Height, byte[] Rgb) Read(byte[] file)
    {
        var position = 0;
        if (Token(file, ref position) != "P6")
        {
            throw new InvalidDataException("not a binary PPM image (P6)");
        }

        var width = Number(file, ref position, "width");
        var height = Number(file, ref position, "height");
        var max = Number(file, ref position, "maxval");
        if (max != 255)
        {
            throw new InvalidDataException($"maxval {max}; only 8-bit images (255) are read");
        }

        position++;   // the single whitespace byte after maxval
        var length = (long)width * height * 3;
        if (file.Length - position != length)
        {
            throw new InvalidDataException($"{file.Length - position} bytes of pixels, {width}x{height} RGB needs {length}");
        }

        return (width, height, file[position..]);
    }

    /// <summary>A P6 file of <paramref name="rgb"/>.</summary>
    public static byte[] Write(int width, int height, ReadOnlySpan<byte> rgb) => [.. Encoding.ASCII.GetBytes($"P6\n{width} {height}\n255\n"), .. rgb];

    private static int Number(byte[] file, ref int position, string what) =>
        int.TryParse(Token(file, ref position), out var value) && value is > 0 and <= 16384
            ? value
            : throw new InvalidDataException($"the header's {what} is not a number from 1 to 16384");

    private static string Token(byte[] file, ref int position)
    {
        while (position < file.Length && (char.IsWhiteSpace((char)file[position]) || file[position] == '#'))
        {
            if (file[position] == '#')
            {
                while (position < file.Length && file[position] != '\n')
                {
                    position++;
                }
            }
            else
            {
                position++;
            }
        }

        var start = position;
        while (position < file.Length && !char.IsWhiteSpace((char)file[position]) && position - start < 16)
        {
            position++;
        }

        return Encoding.ASCII.GetString(file, start, position - start);
    }
}
