using System.Runtime.CompilerServices;

namespace Labelforge.Core.LabelingFunctions.Keywords;

/// <summary>
/// Per-thread working memory of a <see cref="KeywordIndex"/>: per-keyword and per-function marks stamped with a
/// document number, so nothing is cleared or allocated per document.
/// </summary>
internal sealed class KeywordScratch
{
    private readonly int[] _functionOfKeyword;
    private readonly int[] _keywordStamp;
    private readonly int[] _functionStamp;
    private readonly int[] _functionHits;
    private int _stamp;

    public KeywordScratch(int[] functionOfKeyword, int functions)
    {
        _functionOfKeyword = functionOfKeyword;
        _keywordStamp = new int[functionOfKeyword.Length];
        _functionStamp = new int[functions];
        _functionHits = new int[functions];
    }

    /// <summary>Starts a document: a new stamp invalidates every mark of the previous one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Begin()
    {
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_keywordStamp);
            Array.Clear(_functionStamp);
            _stamp = 1;
        }
    }

    /// <summary>Records that keyword <paramref name="id"/> occurs (again) in the current document.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Mark(int id)
    {
        if (_keywordStamp[id] == _stamp)
            return;
        _keywordStamp[id] = _stamp;
        var f = _functionOfKeyword[id];
        if (_functionStamp[f] != _stamp)
        {
            _functionStamp[f] = _stamp;
            _functionHits[f] = 0;
        }
        _functionHits[f]++;
    }

    /// <summary>Distinct keywords of function <paramref name="f"/> found in the current document.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Hits(int f) => _functionStamp[f] == _stamp ? _functionHits[f] : 0;
}
