using System.Device.Gpio;
using System.Reflection;
using System.Runtime.InteropServices;

namespace GzAiEdge.Deps.Bench;

/// <summary>
/// System.Device.Gpio read from its public surface: what an edge event carries, whether anything debounces, and
/// which native libraries its drivers load (and whether this machine has them).
/// </summary>
public static class GpioSurface
{
    public static IEnumerable<string> Report()
    {
        var assembly = typeof(GpioController).Assembly;
        var types = assembly.GetExportedTypes();
        yield return $"System.Device.Gpio {assembly.GetName().Version}: {types.Length} public types, read by reflection";
        foreach (var type in new[] { typeof(PinValueChangedEventArgs), typeof(WaitForEventResult) })
        {
            var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => $"{p.PropertyType.Name} {p.Name}")
                .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => $"{f.FieldType.Name} {f.Name}"));
            yield return $"  an edge event as delivered: {type.Name} {{ {string.Join(", ", members)} }}";
        }

        var publicMembers = types.SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Select(m => $"{t.Name}.{m.Name}")).ToList();
        foreach (var word in new[] { "Timestamp", "Debounce" })
        {
            var hits = publicMembers.Where(m => m.Contains(word, StringComparison.OrdinalIgnoreCase)).ToList();
            yield return $"  public members named *{word}*: {(hits.Count == 0 ? "none" : string.Join(", ", hits))} (of {publicMembers.Count})";
        }

        foreach (var (library, owners) in NativeLibraries(assembly))
        {
            var here = NativeLibrary.TryLoad(library, out var handle) ? "loads here" : "not on this machine";
            if (handle != 0)
            {
                NativeLibrary.Free(handle);
            }

            yield return $"  native library {library} ({string.Join(", ", owners)}): {here}";
        }

        string opened;
        try
        {
            using var controller = new GpioController();
            opened = $"opened with {controller.GetType().Name}";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            opened = $"{ex.GetType().Name}: {ex.Message}";
        }

        yield return $"  new GpioController() here (no /dev/gpiochip*): {opened}";
    }

    // Every [DllImport] in the assembly, public or not, by library name.
    private static IEnumerable<(string Library, string[] Owners)> NativeLibraries(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Select(m => (Library: m.GetCustomAttribute<DllImportAttribute>()?.Value, Owner: t.FullName ?? t.Name)))
            .Where(x => x.Library is not null)
            .GroupBy(x => x.Library!)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(x => x.Owner).Distinct().ToArray()));
}
