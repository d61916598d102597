using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace GzAiEdge.Configuration;

/// <summary>
/// The keys configuration binding reads for a type, as the binder sees them: each public property with a public
/// setter under its name (or its <see cref="ConfigurationKeyNameAttribute"/>), nested types as sections, lists
/// as sections of indexes, dictionaries as sections of any key.
/// </summary>
public sealed class KnownKeys
{
    private static readonly ConcurrentDictionary<Type, KnownKeys> Cache = new();

    private static readonly HashSet<Type> ScalarTypes =
    [
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid),
        typeof(Uri), typeof(Version), typeof(DateOnly), typeof(TimeOnly),
    ];

    private readonly Dictionary<string, (string Name, Type Type)> _children = new(StringComparer.OrdinalIgnoreCase);

    private KnownKeys(Type type, KeyShape shape, Type? element)
    {
        Type = type;
        Shape = shape;
        ElementType = element;
    }

    /// <summary>What a key of this type holds.</summary>
    public KeyShape Shape { get; }

    /// <summary>The type bound here.</summary>
    public Type Type { get; }

    /// <summary>A list's or dictionary's element type; null otherwise.</summary>
    public Type? ElementType { get; }

    /// <summary>The keys of an object, as the type names them.</summary>
    public IEnumerable<string> Names => _children.Values.Select(c => c.Name);

    /// <summary>The keys <paramref name="type"/> binds.</summary>
    public static KnownKeys Of(Type type) => Cache.GetOrAdd(type, Build);

    /// <summary>The key <paramref name="name"/> of an object (any case), or null when the type has no such key.</summary>
    public (string Name, KnownKeys Keys)? Child(string name) =>
        _children.TryGetValue(name, out var child) ? (child.Name, Of(child.Type)) : null;

    private static KnownKeys Build(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(type))
        {
            return new KnownKeys(type, KeyShape.Value, null);
        }

        if (Dictionary(type) is { } value)
        {
            return new KnownKeys(type, KeyShape.Map, value);
        }

        if (Element(type) is { } element)
        {
            return new KnownKeys(type, KeyShape.List, element);
        }

        var keys = new KnownKeys(type, KeyShape.Object, null);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0)
            {
                var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
                keys._children[name] = (name, property.PropertyType);
            }
        }

        return keys;
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || ScalarTypes.Contains(type)
        || (!type.IsArray && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string)));

    private static Type? Dictionary(Type type) =>
        Interfaces(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
            && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)))?.GetGenericArguments()[1];

    private static Type? Element(Type type) =>
        type.IsArray ? type.GetElementType()
        : Interfaces(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static IEnumerable<Type> Interfaces(Type type) => type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces();
}

/// <summary>What a configuration key holds.</summary>
public enum KeyShape
{
    /// <summary>One value: a number, a string, a flag.</summary>
    Value,

    /// <summary>Keys of its own, each known by name.</summary>
    Object,

    /// <summary>Items under the keys 0, 1, 2, …</summary>
    List,

    /// <summary>Items under keys of any name.</summary>
    Map,
}
