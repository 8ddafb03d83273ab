using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Runtime.CompilerServices;
using Labelforge.Core.Common;
using Labelforge.Core.LabelingFunctions.Keywords;
using Labelforge.Core.LabelingFunctions.Sets;
using Labelforge.Engine;
using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// Applies a <see cref="LabelingFunctionSet"/> to any sequence of documents (files, database rows): streams
/// them in chunks, labels each chunk in parallel over the cores, and never stops on a faulty function (the
/// vote becomes abstain and the fault is counted). Given a previous result it re-applies only the functions
/// whose fingerprint changed on the old rows, copies the rest, and applies every function to new rows. C# functions
/// run in a worker process (<see cref="LabelingFunctionRemoteColumns"/>); a run longer than
/// <see cref="LabelingFunctionApplyOptions.TimeLimit"/> or cancelled by the caller stops, the worker killed.
/// </summary>
public static class LabelingFunctionApplier
{
    public static LabelingFunctionApplyResult Apply(
        LabelingFunctionSet set, IEnumerable<LabelingFunctionDocument> documents, LabelingFunctionApplyOptions? options = null,
        LabelingFunctionPreviousResult? previous = null, CancellationToken cancellationToken = default)
    {
        options ??= new LabelingFunctionApplyOptions();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.TimeLimit);
        try
        {
            return Run(set, documents, options, previous, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw LabelforgeException.Invalid(
                $"applying the labeling functions took longer than the time limit of {options.TimeLimit.TotalSeconds:0.#} s and was stopped; nothing was stored. Make slow functions faster (C# loops, backtracking regexes).");
        }
    }

    private static LabelingFunctionApplyResult Run(
        LabelingFunctionSet set, IEnumerable<LabelingFunctionDocument> documents, LabelingFunctionApplyOptions options,
        LabelingFunctionPreviousResult? previous, CancellationToken cancellationToken)
    {
        var m = set.Functions.Count;
        var reuse = ReusableColumns(set, previous);
        var oldRows = previous?.Matrix.Rows ?? 0;
        var changed = new LabelingFunctionApplyPlan(set.Functions, Enumerable.Range(0, m).Where(j => reuse[j] < 0));
        var everything = new LabelingFunctionApplyPlan(set.Functions, Enumerable.Range(0, m));
        var remote = new LabelingFunctionRemoteColumns(set, reuse, options.Worker);
        var faults = new LabelingFunctionFaultLog(m);
        var chunks = new List<short[]>();
        var rows = 0;
        // One scratch pair per worker for the whole run, this thread being worker 0.
        var workers = Math.Max(1, options.MaxDegreeOfParallelism ?? Environment.ProcessorCount);
        var scratches = Enumerable.Range(0, workers).Select(_ => (changed.NewScratch(), everything.NewScratch())).ToArray();
        // Time in the functions alone, apart from producing the documents (reading a file, a database page).
        var applying = 0L;
        var source = documents.Chunk(options.ChunkSize);
        try
        {
            foreach (var chunk in options.ReadAhead ? ReadAhead(source) : source)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var cells = new short[chunk.Length * m];
                Array.Fill(cells, (short)LabelIndex.Abstain);
                var start = rows;
                var began = Stopwatch.GetTimestamp();
                // The worker process labels the chunk with the C# functions while this process runs the others.
                var worker = remote.IsEmpty ? Task.CompletedTask : Task.Run(() => remote.Apply(chunk, start, oldRows, cells, faults, cancellationToken), cancellationToken);
                OverCores(chunk.Length, scratches, (from, to, scratch) =>
                    ApplyRange(chunk, from, to, start, cells, m, previous, reuse, changed, everything, scratch, faults), cancellationToken);
                worker.GetAwaiter().GetResult();
                applying += Stopwatch.GetTimestamp() - began;
                chunks.Add(cells);
                rows += chunk.Length;
            }
        }
        finally
        {
            remote.Dispose();
        }
        var matrix = new LabelMatrix(rows, m, Concat(chunks, rows * m));
        return new LabelingFunctionApplyResult(matrix, set.Names, set.Fingerprints, faults.Counts, faults.First,
            reuse.Count(r => r >= 0), Math.Max(0, rows - oldRows), (double)applying / Stopwatch.Frequency);
    }

    /// <summary>
    /// Runs <paramref name="body"/> over [0, <paramref name="length"/>) in ranges of <see cref="RangeRows"/> rows, taken in
    /// turn by this thread and one pool task per other worker, each with its own scratch. Written out rather than
    /// Parallel.ForEach: that generic instantiation over our scratch tuple is not in any precompiled image, so a
    /// short `lf apply` process spent its first chunk compiling it.
    /// </summary>
    private static void OverCores(
        int length, (KeywordScratch?, KeywordScratch?)[] scratches, Action<int, int, (KeywordScratch?, KeywordScratch?)> body,
        CancellationToken cancellationToken)
    {
        var ranges = (length + RangeRows - 1) / RangeRows;
        var next = -1;
        void Work(int worker)
        {
            int r;
            while ((r = Interlocked.Increment(ref next)) < ranges)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(r * RangeRows, Math.Min(length, (r + 1) * RangeRows), scratches[worker]);
            }
        }
        var helpers = Math.Min(scratches.Length, ranges) - 1;
        if (helpers <= 0)
        {
            Work(0);
            return;
        }
        var tasks = new Task[helpers];
        for (var w = 0; w < helpers; w++)
        {
            var worker = w + 1;
            tasks[w] = Task.Run(() => Work(worker), cancellationToken);
        }
        // Every helper is waited for before anything is thrown (they stop at their next range once the token is
        // cancelled); the first exception is rethrown as itself, so a cancellation stays an OperationCanceledException.
        Exception? first = null;
        try
        {
            Work(0);
        }
        catch (Exception ex)
        {
            first = ex;
        }
        try
        {
            Task.WaitAll(tasks, CancellationToken.None);
        }
        catch (AggregateException ex)
        {
            first ??= ex.InnerExceptions[0];
        }
        if (first is not null)
            ExceptionDispatchInfo.Capture(first).Throw();
    }

    private const int RangeRows = 1024;

    /// <summary>Writes rows [<paramref name="from"/>, <paramref name="to"/>) of a chunk starting at row <paramref name="start"/>: reused columns copied, the planned ones run.</summary>
    private static void ApplyRange(
        LabelingFunctionDocument[] chunk, int from, int to, int start, short[] cells, int m, LabelingFunctionPreviousResult? previous, int[] reuse,
        LabelingFunctionApplyPlan changed, LabelingFunctionApplyPlan everything, (KeywordScratch? Changed, KeywordScratch? Everything) scratch, LabelingFunctionFaultLog faults)
    {
        var oldRows = previous?.Matrix.Rows ?? 0;
        for (var i = from; i < to; i++)
        {
            var row = start + i;
            var span = cells.AsSpan(i * m, m);
            if (row < oldRows)
                CopyReused(previous!.Matrix, row, reuse, span);
            var (plan, keywords) = row < oldRows ? (changed, scratch.Changed) : (everything, scratch.Everything);
            if (!plan.IsEmpty)
                plan.Run(chunk[i], row, span, keywords, faults);
        }
    }

    /// <summary>The items of <paramref name="source"/>, each next one read on a pool thread while the caller works on the current one.</summary>
    private static IEnumerable<T> ReadAhead<T>(IEnumerable<T> source)
    {
        var items = source.GetEnumerator();
        var next = Task.Run(items.MoveNext);
        try
        {
            // GetResult rethrows a reader's own exception (a file error stays an LabelingFunctionInputException).
            while (next.GetAwaiter().GetResult())
            {
                var current = items.Current;
                next = Task.Run(items.MoveNext);
                yield return current;
            }
        }
        finally
        {
            // The caller may stop early (cancellation): the pending read ends before the source is disposed.
            try
            {
                next.Wait();
            }
            catch (AggregateException)
            {
                // Already thrown to the caller above, or of no interest once the caller stopped.
            }
            items.Dispose();
        }
    }

    /// <summary>For each function, the previous column with the same fingerprint, or -1.</summary>
    private static int[] ReusableColumns(LabelingFunctionSet set, LabelingFunctionPreviousResult? previous)
    {
        var reuse = Enumerable.Repeat(-1, set.Functions.Count).ToArray();
        if (previous is null)
            return reuse;
        if (previous.Fingerprints.Count != previous.Matrix.Columns)
            throw new ArgumentException("previous fingerprints must name every column of the previous matrix", nameof(previous));
        var columnOf = new Dictionary<string, int>();
        for (var c = 0; c < previous.Fingerprints.Count; c++)
            columnOf.TryAdd(previous.Fingerprints[c], c);
        for (var j = 0; j < set.Functions.Count; j++)
            reuse[j] = columnOf.GetValueOrDefault(set.Functions[j].Fingerprint, -1);
        return reuse;
    }

    private static void CopyReused(LabelMatrix previous, int row, int[] reuse, Span<short> target)
    {
        var source = previous.Row(row);
        for (var j = 0; j < reuse.Length; j++)
        {
            if (reuse[j] >= 0)
                target[j] = source[reuse[j]];
        }
    }

    private static short[] Concat(List<short[]> chunks, int total)
    {
        if (chunks.Count == 1)
            return chunks[0];
        var cells = new short[total];
        var offset = 0;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(cells, offset);
            offset += chunk.Length;
        }
        return cells;
    }
}
