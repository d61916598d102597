using System.Reflection;
using System.Reflection.Emit;
using GzAiEdge.Monitoring.Live;

namespace GzAiEdge.Monitoring.Tests.Live;

/// <summary>Live is the lower layer (IDeviceObserver says why): nothing in it names a type of Alerts.</summary>
public sealed class LayeringTests
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void No_type_of_Live_refers_to_a_type_of_Alerts()
    {
        var live = typeof(LiveHub).Namespace!;
        var alerts = live[..live.LastIndexOf('.')] + ".Alerts";
        var types = typeof(LiveHub).Assembly.GetTypes().Where(t => t.Namespace == live).ToList();

        var found = types.SelectMany(t => Referenced(t).Where(r => r.Namespace == alerts).Select(r => $"{t.FullName} → {r.FullName}")).Distinct().ToList();

        Assert.True(types.Count > 10, $"only {types.Count} types found in {live}");
        Assert.Empty(found);
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    // What a type's signatures, fields, method bodies' locals and the members its IL calls, reads or creates name,
    // generic arguments included; closures and state machines are nested types of their own and are searched as such.
    private static IEnumerable<Type> Referenced(Type type)
    {
        var direct = new List<Type?> { type.BaseType };
        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(All).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(All).Select(p => p.PropertyType));
        direct.AddRange(type.GetEvents(All).Select(e => e.EventHandlerType));
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
            direct.Add((method as MethodInfo)?.ReturnType);
            direct.AddRange(method.GetMethodBody()?.LocalVariables.Select(l => l.LocalType) ?? []);
            direct.AddRange(Operands(method));
        }

        return direct.OfType<Type>().SelectMany(Expand);
    }

    // Walks the method's IL and resolves every member or type operand (calls, field access, newobj, typeof, casts).
    private static IEnumerable<Type?> Operands(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var generic = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodGeneric = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[i + 1])] : OpCodesByValue[il[i]];
            i += code.Size;
            var token = code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok
                ? BitConverter.ToInt32(il, i)
                : 0;
            i += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
            if (token != 0)
            {
                var member = method.Module.ResolveMember(token, generic, methodGeneric);
                yield return member as Type ?? member?.DeclaringType;
                yield return (member as FieldInfo)?.FieldType;
                yield return (member as MethodInfo)?.ReturnType;
            }
        }
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        var element = type.HasElementType ? type.GetElementType()! : type;
        yield return element;
        foreach (var argument in element.IsGenericType ? element.GetGenericArguments() : [])
        {
            foreach (var inner in Expand(argument))
            {
                yield return inner;
            }
        }
    }
}
