namespace Labelforge.Core.LabelingFunctions.Sandbox;

/// <summary>A worker holding one set's C# functions for one run; dispose it to give the worker back (or drop it when it broke).</summary>
public sealed class CSharpWorkerSession : IDisposable
{
    private readonly CSharpWorkerPool _pool;
    private CSharpWorkerProcess? _worker;

    internal CSharpWorkerSession(CSharpWorkerPool pool, CSharpWorkerProcess worker)
    {
        _pool = pool;
        _worker = worker;
    }

    /// <summary>Applies the loaded functions at <paramref name="functions"/> (indices into the loaded list) to <paramref name="documents"/>.</summary>
    public CSharpWorkerRunResult Run(IReadOnlyList<int> functions, IReadOnlyList<LabelingFunctionDocument> documents, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_worker is null, this);
        return functions.Count == 0 || documents.Count == 0 ? new CSharpWorkerRunResult([], []) : _worker.Run(functions, documents, ct);
    }

    public void Dispose()
    {
        if (_worker is { } worker)
            _pool.Return(worker);
        _worker = null;
    }
}
