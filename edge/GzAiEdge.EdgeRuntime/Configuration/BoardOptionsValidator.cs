using System.Text.RegularExpressions;
using GzAiEdge.Inference;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GzAiEdge.EdgeRuntime.Configuration;

/// <summary>
/// Checks what the board profile says (and what a device file overrides of it), naming file, line and key:
/// the profile is the one the device file named, its architecture and runtime agree, the ONNX Runtime library
/// it names is built for that architecture, and its camera and buses are well formed.
/// </summary>
public sealed partial class BoardOptionsValidator(ConfigurationLocator locator, IConfiguration configuration, DeviceFiles files) : IValidateOptions<BoardOptions>
{
    public ValidateOptionsResult Validate(string? name, BoardOptions options)
    {
        var errors = new OptionErrors(locator);
        var profile = configuration[DeviceConfiguration.ProfileKey];
        if (string.IsNullOrEmpty(profile) || !configuration.GetSection(BoardOptions.Section).Exists())
        {
            // No profile, or one that was not found (reported as such) or describes no board: nothing to check.
            return ValidateOptionsResult.Success;
        }

        if (options.Name != profile)
        {
            errors.Add("Board:Name", $"'{options.Name}' is not the profile's own name '{profile}'");
        }

        if (!BoardOptions.Architectures.TryGetValue(options.Arch, out var rid))
        {
            errors.Add("Board:Arch", $"'{options.Arch}' is not {string.Join(" or ", BoardOptions.Architectures.Keys)}");
        }
        else
        {
            if (options.RuntimeIdentifier != rid)
            {
                errors.Add("Board:RuntimeIdentifier", $"'{options.RuntimeIdentifier}' does not run on {options.Arch}; use {rid}");
            }

            CheckLibrary(errors, options.Arch);
        }

        CheckCamera(errors, options.Camera);
        for (var i = 0; i < options.I2cBuses.Count; i++)
        {
            errors.Range($"Board:I2cBuses:{i}", options.I2cBuses[i], 0, 1023);
        }

        for (var i = 0; i < options.GpioChips.Count; i++)
        {
            var chip = options.GpioChips[i];
            if (string.IsNullOrWhiteSpace(chip.Label))
            {
                errors.Add($"Board:GpioChips:{i}:Label", "must give the chip's label as gpiodetect prints it");
            }

            if (!GpioChipDevice().IsMatch(chip.Device))
            {
                errors.Add($"Board:GpioChips:{i}:Device", $"'{chip.Device}' is not /dev/gpiochipN");
            }

            errors.Range($"Board:GpioChips:{i}:Lines", chip.Lines, 1, 1024);
        }

        return errors.Result();
    }

    // The profile's library must be one this board's CPU can load (a JetPack build on a Jetson, say).
    private void CheckLibrary(OptionErrors errors, string arch)
    {
        var key = $"{InferenceOptions.Section}:NativeLibraryPath";
        if (configuration[key] is not { Length: > 0 } library || !files.FileExists(library))
        {
            // Empty: the library bundled with the publish for this architecture. Missing: reported under its own key.
            return;
        }

        var actual = ElfHeader.Architecture(files.Resolve(library));
        if (actual != arch)
        {
            errors.Add(key, $"'{library}' is {(actual is null ? "not a 64-bit ELF library" : $"built for {actual}")}; this board is {arch}");
        }
    }

    private static void CheckCamera(OptionErrors errors, CameraProfile camera)
    {
        if (!CameraProfile.Stacks.Contains(camera.Stack))
        {
            errors.Add("Board:Camera:Stack", $"'{camera.Stack}' is not one of {string.Join(", ", CameraProfile.Stacks)}");
        }

        if (string.IsNullOrWhiteSpace(camera.Command))
        {
            errors.Add("Board:Camera:Command", "must give the capture command that writes raw frames to standard output");
        }

        if (string.IsNullOrWhiteSpace(camera.PixelFormat))
        {
            errors.Add("Board:Camera:PixelFormat", "must name the format the command writes (rgb24, yuv420p, …)");
        }

        errors.Range("Board:Camera:Width", camera.Width, 16, 8192);
        errors.Range("Board:Camera:Height", camera.Height, 16, 8192);
        errors.Range("Board:Camera:FramesPerSecond", camera.FramesPerSecond, 1, 240);
        if (camera.Device is { Length: > 0 } device && !VideoDevice().IsMatch(device))
        {
            errors.Add("Board:Camera:Device", $"'{device}' is not /dev/videoN");
        }
    }

    [GeneratedRegex("^/dev/gpiochip[0-9]+$")]
    private static partial Regex GpioChipDevice();

    [GeneratedRegex("^/dev/video[0-9]+$")]
    private static partial Regex VideoDevice();
}
