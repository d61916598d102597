using System.Collections;
using System.Globalization;
using System.Reflection;
using GzAiEdge.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GzAiEdge.Testing;

/// <summary>
/// Binds every list option of every section a program binds (its <see cref="BoundSection"/>s, found by reflection
/// over the options types, nested types and list items included) from a configuration that gives each list two
/// items, as the program's own registrations bind them, and says where the bound list is not what was configured:
/// a list with an initialiser the binder appends to, for one.
/// </summary>
public static class ListOptionsBinding
{
    private const int MaxDepth = 6;

    /// <summary>Each mismatch as <c>Section:Key: configured …, bound …</c>, and the lists checked.</summary>
    /// <param name="register">The program's registrations, e.g. <c>b =&gt; b.AddIngestion()</c>.</param>
    public static (IReadOnlyList<string> Mismatches, IReadOnlyList<string> Lists) Check(Action<IHostApplicationBuilder> register)
    {
        var probe = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        register(probe);
        var sections = probe.Services.Select(d => d.IsKeyedService ? null : d.ImplementationInstance).OfType<BoundSection>().ToList();

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var expected = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lists = new List<string>();
        foreach (var section in sections)
        {
            Plan(section.OptionsType, section.Section, values, expected, lists, depth: 0);
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        register(builder);
        using var services = builder.Services.BuildServiceProvider();
        var bound = sections.ToDictionary(s => s.Section, s => Bind(services, s.OptionsType), StringComparer.OrdinalIgnoreCase);
        var mismatches = expected
            .Select(e => (e.Key, Expected: e.Value, Actual: Read(bound, e.Key)))
            .Where(e => e.Actual != e.Expected)
            .Select(e => $"{e.Key}: configured {e.Expected}, bound {e.Actual ?? "nothing"}")
            .ToList();
        return (mismatches, lists);
    }

    // Options as the program's registrations make them (binding and post-configuration), without its validators,
    // which would refuse a configuration that sets only lists.
    private static object Bind(IServiceProvider services, Type type)
    {
        var options = Activator.CreateInstance(type)!;
        foreach (var stage in new[] { typeof(IConfigureOptions<>), typeof(IPostConfigureOptions<>) })
        {
            var service = stage.MakeGenericType(type);
            foreach (var step in services.GetServices(service))
            {
                var method = stage == typeof(IConfigureOptions<>) ? service.GetMethod("Configure")! : service.GetMethod("PostConfigure")!;
                method.Invoke(step, stage == typeof(IConfigureOptions<>) ? [options] : [Options.DefaultName, options]);
            }
        }

        return options;
    }

    private static void Plan(Type type, string path, Dictionary<string, string?> values, Dictionary<string, string> expected, List<string> lists, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = $"{path}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (Element(propertyType) is { } element)
            {
                lists.Add(key);
                expected[$"{key}#count"] = "2";
                for (var i = 0; i < 2; i++)
                {
                    if (Sample(element, i) is { } sample)
                    {
                        values[$"{key}:{i}"] = sample;
                        expected[$"{key}:{i}"] = sample;
                    }
                    else
                    {
                        Item(element, $"{key}:{i}", i, values, expected, lists, depth);
                    }
                }
            }
            else if (!IsValue(propertyType))
            {
                Plan(propertyType, key, values, expected, lists, depth + 1);
            }
        }
    }

    // An item of a list of objects: each of its values set, its own lists planned.
    private static void Item(Type type, string path, int i, Dictionary<string, string?> values, Dictionary<string, string> expected, List<string> lists, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            if (Sample(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, i) is { } sample)
            {
                values[$"{path}:{property.Name}"] = sample;
                expected[$"{path}:{property.Name}"] = sample;
            }
        }

        Plan(type, path, values, expected, lists, depth + 1);
    }

    // Two values unlike any default (0, 1, an empty string, false).
    private static string? Sample(Type type, int i) =>
        type == typeof(string) ? (i == 0 ? "first-item" : "second-item")
        : type == typeof(int) || type == typeof(long) || type == typeof(short) ? (i == 0 ? "7" : "3")
        : type == typeof(double) || type == typeof(float) ? (i == 0 ? "0.25" : "0.75")
        : type == typeof(bool) ? "True"
        : type.IsEnum ? Enum.GetNames(type)[i == 0 ? ^1 : 0]
        : null;

    private static bool IsValue(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
        || type == typeof(TimeSpan) || type == typeof(Uri) || type == typeof(DateTimeOffset) || type == typeof(DateTime);

    private static Type? Element(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Concat([type]).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    // The bound value at a planned key: a list's item count (#count), or the invariant text of a value.
    private static string? Read(Dictionary<string, object> bound, string key)
    {
        var count = key.EndsWith("#count", StringComparison.Ordinal);
        var segments = (count ? key[..^"#count".Length] : key).Split(':');
        object? value = bound[segments[0]];
        foreach (var segment in segments.Skip(1))
        {
            value = value switch
            {
                null => null,
                IList list => int.TryParse(segment, out var i) && i < list.Count ? list[i] : null,
                _ => value.GetType().GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.GetValue(value),
            };
        }

        return count ? (value as ICollection)?.Count.ToString(CultureInfo.InvariantCulture)
            : value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
    }
}
