using Labelforge.Core.LabelingFunctions.Functions;

namespace Labelforge.Core.LabelingFunctions.Sandbox;

/// <summary>
/// The worker processes of this process's C# labeling functions: <see cref="Open"/> hands out an idle worker (or starts one)
/// for one run of a set, and a session given back healthy stays warm for the next run (a few at most); a killed or ended
/// worker is dropped, so the next run starts a fresh one.
/// </summary>
public sealed class CSharpWorkerPool
{
    private const int MaxIdle = 2;

    private readonly Lock _lock = new();
    private readonly List<CSharpWorkerProcess> _idle = [];

    public static CSharpWorkerPool Shared { get; } = new();

    /// <summary>Loads <paramref name="functions"/> (over their shared labels) into a worker for one run.</summary>
    public CSharpWorkerSession Open(IReadOnlyList<CSharpFunction> functions, CSharpWorkerLimits limits, CancellationToken ct)
    {
        var worker = Rent(limits);
        try
        {
            worker.Load(functions[0].Labels, functions, ct);
            return new CSharpWorkerSession(this, worker);
        }
        catch
        {
            worker.Dispose();
            throw;
        }
    }

    private CSharpWorkerProcess Rent(CSharpWorkerLimits limits)
    {
        lock (_lock)
        {
            for (var i = _idle.Count - 1; i >= 0; i--)
            {
                var worker = _idle[i];
                _idle.RemoveAt(i);
                if (worker.Healthy && worker.Limits == limits)
                    return worker;
                worker.Dispose();
            }
        }
        return CSharpWorkerProcess.Start(limits);
    }

    internal void Return(CSharpWorkerProcess worker)
    {
        if (worker.Healthy)
        {
            lock (_lock)
            {
                if (_idle.Count < MaxIdle)
                {
                    _idle.Add(worker);
                    return;
                }
            }
        }
        worker.Dispose();
    }
}
