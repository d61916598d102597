using System.Runtime.InteropServices;
using GzAiEdge.Inference.Native;

namespace GzAiEdge.Inference;

/// <summary>
/// A session bound to input and output tensors, ready to run again and again without allocating: names and
/// value pointers sit in native memory made once, outputs are pinned tensors that ONNX Runtime writes in
/// place. Outputs with dynamic dimensions are pinned at the shape of one run made when the binding is
/// (<see cref="InferenceSession.CreateBinding(IReadOnlyDictionary{string, long[]})"/>), or, bound with
/// <see cref="InferenceSession.Bind"/>, allocated by ONNX Runtime at each run and released before the next.
/// One binding serves one thread at a time.
/// </summary>
public sealed unsafe class SessionBinding : IDisposable
{
    private readonly InferenceSession _session;
    private readonly PinnedTensor[] _inputs;
    private readonly PinnedTensor?[] _outputs;
    private readonly long[][] _outputShapes;
    private readonly bool _ownsInputs;
    private readonly nint* _block;
    private readonly string _runContext;
    private bool _disposed;

    internal SessionBinding(InferenceSession session, PinnedTensor[] inputs, bool ownsInputs, bool pinOutputs)
    {
        _session = session;
        _inputs = inputs;
        _ownsInputs = ownsInputs;
        _runContext = $"model '{session.GraphName}' ({session.ModelPath}): run failed";
        var outputs = session.Outputs;
        _outputs = outputs.Select(o => o.IsStatic ? PinnedTensor.Create(session.Runtime, o.ElementType, o.Name, [.. o.Shape]) : null).ToArray();
        _outputShapes = outputs.Select(o => o.Shape.ToArray()).ToArray();

        // One native block: input names, input values, output names, output values.
        _block = (nint*)NativeMemory.AllocZeroed((nuint)(2 * (inputs.Length + outputs.Count)), (nuint)sizeof(nint));
        for (var i = 0; i < inputs.Length; i++)
        {
            InputNames[i] = Marshal.StringToCoTaskMemUTF8(inputs[i].Name);
            InputValues[i] = inputs[i].Value;
        }

        for (var i = 0; i < outputs.Count; i++)
        {
            OutputNames[i] = Marshal.StringToCoTaskMemUTF8(outputs[i].Name);
            OutputValues[i] = _outputs[i]?.Value ?? 0;
        }

        if (pinOutputs && Array.IndexOf(_outputs, null) >= 0)
        {
            PinDynamicOutputs();
        }
    }

    /// <summary>The input tensors, in the model's input order.</summary>
    public IReadOnlyList<PinnedTensor> Inputs => _inputs;

    private nint* InputNames => _block;

    private nint* InputValues => _block + _inputs.Length;

    private nint* OutputNames => _block + (2 * _inputs.Length);

    private nint* OutputValues => _block + (2 * _inputs.Length) + _outputs.Length;

    /// <summary>The data of input <paramref name="index"/>; fill it before <see cref="Run"/>.</summary>
    public Span<T> Input<T>(int index)
        where T : unmanaged =>
        _inputs[index] is PinnedTensor<T> t ? t.Span : throw _session.Error($"input '{_inputs[index].Name}' holds {TensorElementTypes.Describe(_inputs[index].ElementType)}, not {typeof(T).Name}");

    /// <summary>Runs the model on the current input data.</summary>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime failed; the message names the model and the reason.</exception>
    public void Run()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Run(_runContext);
    }

    /// <summary>The data of output <paramref name="index"/> after the last <see cref="Run"/>; valid until the next run.</summary>
    public ReadOnlySpan<T> Output<T>(int index)
        where T : unmanaged
    {
        var info = _session.Outputs[index];
        if (info.ElementType != TensorElementTypes.Of<T>())
        {
            throw _session.Error($"output '{info.Name}' holds {TensorElementTypes.Describe(info.ElementType)}, not {typeof(T).Name}");
        }

        if (_outputs[index] is PinnedTensor<T> pinned)
        {
            return pinned.Span;
        }

        var value = OutputValues[index];
        if (value == 0)
        {
            throw _session.Error($"output '{info.Name}' has no value yet; call Run first");
        }

        void* data;
        _session.Runtime.Api.Check(_session.Runtime.Api.GetTensorMutableData(value, &data), $"reading output '{info.Name}'");
        var count = 1L;
        foreach (var d in _outputShapes[index])
        {
            count *= d;
        }

        return new ReadOnlySpan<T>(data, checked((int)count));
    }

    /// <summary>The shape of output <paramref name="index"/> (after a run, for dynamic shapes).</summary>
    public ReadOnlySpan<long> OutputShape(int index) => _outputShapes[index];

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ReleaseDynamicOutputs();
        for (var i = 0; i < _inputs.Length + _outputs.Length; i++)
        {
            Marshal.FreeCoTaskMem(i < _inputs.Length ? InputNames[i] : OutputNames[i - _inputs.Length]);
        }

        NativeMemory.Free(_block);
        foreach (var output in _outputs)
        {
            output?.Dispose();
        }

        if (_ownsInputs)
        {
            foreach (var input in _inputs)
            {
                input.Dispose();
            }
        }
    }

    private void Run(string context)
    {
        var api = _session.Runtime.Api;
        ReleaseDynamicOutputs();
        api.Check(api.Run(_session.Handle, 0, InputNames, InputValues, (nuint)_inputs.Length, OutputNames, (nuint)_outputs.Length, OutputValues), context);
        for (var i = 0; i < _outputs.Length; i++)
        {
            if (_outputs[i] is null)
            {
                ReadShape(api, OutputValues[i], _outputShapes[i], context);
            }
        }
    }

    // One run at the bound input shapes tells the shape of each dynamic output; a pinned tensor of that shape
    // then takes the place of ONNX Runtime's own, so that a run allocates nothing. A failure releases what
    // the binding made so far.
    private void PinDynamicOutputs()
    {
        try
        {
            var inputs = string.Join(", ", _inputs.Select(i => $"{i.Name} {TensorElementTypes.Describe(i.ElementType)}{TensorInfo.FormatShape(i.Shape)}"));
            var context = $"model '{_session.GraphName}' ({_session.ModelPath}): the first run, which sizes the dynamic outputs, failed with {inputs}";
            Run(context);
            for (var i = 0; i < _outputs.Length; i++)
            {
                if (_outputs[i] is null)
                {
                    var info = _session.Outputs[i];
                    _outputShapes[i] = RunShape(OutputValues[i], context);
                    var pinned = PinnedTensor.Create(_session.Runtime, info.ElementType, info.Name, [.. _outputShapes[i]]);
                    _session.Runtime.Api.ReleaseValue(OutputValues[i]);
                    (_outputs[i], OutputValues[i]) = (pinned, pinned.Value);
                }
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private void ReleaseDynamicOutputs()
    {
        for (var i = 0; i < _outputs.Length; i++)
        {
            if (_outputs[i] is null && OutputValues[i] != 0)
            {
                _session.Runtime.Api.ReleaseValue(OutputValues[i]);
                OutputValues[i] = 0;
            }
        }
    }

    // The rank as the run gave it: a model may declare an output's rank other than what it computes.
    private long[] RunShape(nint value, string context)
    {
        var api = _session.Runtime.Api;
        nint info;
        api.Check(api.GetTensorTypeAndShape(value, &info), context);
        using var owned = new OrtTensorInfoHandle(info, api);
        nuint rank;
        api.Check(api.GetDimensionsCount(info, &rank), context);
        var shape = new long[(int)rank];
        fixed (long* dims = shape)
        {
            api.Check(api.GetDimensions(info, dims, rank), context);
        }

        return shape;
    }

    private static void ReadShape(OrtApi api, nint value, long[] shape, string context)
    {
        nint info;
        api.Check(api.GetTensorTypeAndShape(value, &info), context);
        using var owned = new OrtTensorInfoHandle(info, api);
        fixed (long* dims = shape)
        {
            api.Check(api.GetDimensions(info, dims, (nuint)shape.Length), context);
        }
    }
}
