using Labelforge.Core.LabelingFunctions.Functions;
using Labelforge.Core.LabelingFunctions.Sandbox;
using Labelforge.Core.LabelingFunctions.Sets;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// The C# columns of one apply run: a worker session opened at the first chunk that needs it, and per chunk one batch for
/// the old rows (the changed C# functions only) and one for the new rows (every C# function), written into the chunk's
/// cells with their faults.
/// </summary>
internal sealed class LabelingFunctionRemoteColumns(LabelingFunctionSet set, int[] reuse, CSharpWorkerLimits limits) : IDisposable
{
    private readonly int[] _columns = [.. Enumerable.Range(0, set.Functions.Count).Where(j => set.Functions[j] is CSharpFunction)];
    private CSharpWorkerSession? _session;

    public bool IsEmpty => _columns.Length == 0;

    public void Apply(LabelingFunctionDocument[] chunk, int start, int oldRows, short[] cells, LabelingFunctionFaultLog faults, CancellationToken ct)
    {
        var m = set.Functions.Count;
        var old = Math.Clamp(oldRows - start, 0, chunk.Length);
        var changed = Enumerable.Range(0, _columns.Length).Where(c => reuse[_columns[c]] < 0).ToArray();
        if (old > 0 && changed.Length > 0)
            Write(new ArraySegment<LabelingFunctionDocument>(chunk, 0, old), start, changed, cells, m, faults, ct);
        if (old < chunk.Length)
            Write(new ArraySegment<LabelingFunctionDocument>(chunk, old, chunk.Length - old), start + old, [.. Enumerable.Range(0, _columns.Length)], cells, m, faults, ct);
    }

    private void Write(ArraySegment<LabelingFunctionDocument> documents, int firstRow, int[] loaded, short[] cells, int m, LabelingFunctionFaultLog faults, CancellationToken ct)
    {
        _session ??= CSharpWorkerPool.Shared.Open([.. _columns.Select(j => (CSharpFunction)set.Functions[j])], limits, ct);
        var result = _session.Run(loaded, documents, ct);
        var k = loaded.Length;
        var chunkStart = firstRow - documents.Offset;
        for (var i = 0; i < documents.Count; i++)
        {
            var row = firstRow + i;
            for (var c = 0; c < k; c++)
            {
                var column = _columns[loaded[c]];
                var vote = result.Votes[i * k + c];
                if (result.Faults[i * k + c] is { } fault)
                {
                    faults.Record(row, column, fault);
                    vote = (short)Engine.LabelIndex.Abstain;
                }
                cells[(row - chunkStart) * m + column] = vote;
            }
        }
    }

    public void Dispose() => _session?.Dispose();
}
