using System.Runtime.CompilerServices;
using Labelforge.Core.LabelingFunctions.Functions;
using Labelforge.Core.LabelingFunctions.Keywords;
using Labelforge.Engine;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// Which functions to run on a row and how: keyword and lookup functions go through one shared
/// <see cref="KeywordIndex"/> (one pass per document, votes written straight into the row), the rest are called
/// one by one; C# functions are left to the applier's worker session.
/// </summary>
internal sealed class LabelingFunctionApplyPlan
{
    private readonly KeywordIndex? _index;
    private readonly int[] _indexColumns;
    private readonly (int Column, LabelingFunction Function)[] _others;

    public LabelingFunctionApplyPlan(IReadOnlyList<LabelingFunction> functions, IEnumerable<int> columns)
    {
        var chosen = columns.ToList();
        var keywords = chosen.Where(c => functions[c] is KeywordFunction).ToArray();
        _indexColumns = keywords;
        _index = keywords.Length == 0 ? null : new KeywordIndex([.. keywords.Select(c => (KeywordFunction)functions[c])]);
        // C# functions run in the worker process, a chunk at a time (see LabelingFunctionApplier).
        _others = [.. chosen.Except(keywords).Where(c => functions[c] is not CSharpFunction).Select(c => (c, functions[c]))];
    }

    public bool IsEmpty => _index is null && _others.Length == 0;

    /// <summary>Working memory for one thread (null when the plan has no keyword functions).</summary>
    public KeywordScratch? NewScratch() => _index?.NewScratch();

    /// <summary>Writes the planned columns of one row; a throwing function abstains and is recorded in <paramref name="faults"/>.</summary>
    public void Run(LabelingFunctionDocument document, int rowIndex, Span<short> row, KeywordScratch? scratch, LabelingFunctionFaultLog faults)
    {
        if (_index is not null)
            _index.Write(document.Text, scratch!, row, _indexColumns);
        foreach (var (column, function) in _others)
        {
            try
            {
                row[column] = checked((short)function.Apply(document));
            }
            catch (Exception ex)
            {
                row[column] = (short)LabelIndex.Abstain;
                faults.Record(rowIndex, column, ex);
            }
        }
    }
}
