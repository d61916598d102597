namespace GzAiEdge.Audits.TestSets.Formats;

/// <summary>An image file of a test set: binary PPM (<c>.ppm</c>) or a uint8 [height, width, 3] NumPy array (<c>.npy</c>).</summary>
internal static class ImageFile
{
    /// <summary>Width, height and RGB24 pixels of the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">Another format, or not an RGB image (the message says why).</exception>
    public static (int Width, int Height, byte[] Rgb) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".ppm":
                return Ppm.Read(bytes);
            case ".npy":
                var (shape, type, data) = Npy.Read(bytes);
                return shape is [var h, var w, 3] && type == "u1" && h > 0 && w > 0
                    ? (w, h, data)
                    : throw new InvalidDataException($"wrong shape: ({string.Join(", ", shape)}) of {type}; an image array is uint8 [height, width, 3]");
            default:
                throw new InvalidDataException($"'{Path.GetExtension(path)}' is not an image format read here: binary PPM (.ppm) or uint8 [H, W, 3] .npy (convert with ffmpeg -i image.png image.ppm)");
        }
    }
}
