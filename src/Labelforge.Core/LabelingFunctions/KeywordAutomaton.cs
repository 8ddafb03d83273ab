using System.Runtime.CompilerServices;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// Aho-Corasick (Aho and Corasick, "Efficient string matching: an aid to bibliographic search", CACM 1975): many
/// keywords in one automaton, so a document is scanned once whatever the number of keywords. Built as a full
/// transition table over the characters that occur in some keyword (every other character leads back to the
/// root), each state listing the keywords that end there, directly or through its suffix links.
/// </summary>
/// <remarks>
/// Whole-word mode matches token sequences: the document is read as its tokens separated by single spaces, with
/// a space before the first and after the last (every run of non-word characters reads as one space), and a
/// keyword becomes its tokens joined the same way, so " love this " occurs exactly where the tokens "love",
/// "this" follow each other.
/// </remarks>
internal sealed class KeywordAutomaton
{
    private const char Separator = ' ';

    private readonly bool _fold;
    private readonly bool _wholeWords;
    private readonly int _separatorClass;
    private readonly int[] _asciiClass = new int[128];
    // Whole-word scans: the class of an ASCII word character, -1 for an ASCII separator (one lookup per character).
    private readonly int[] _asciiWordClass = new int[128];
    private readonly Dictionary<char, int> _otherClass = [];
    private readonly int _width;
    private readonly int[] _next;
    private readonly int[][] _output;
    // Most states emit nothing; one byte per state keeps the per-character check off the jagged output array.
    private readonly bool[] _emits;

    /// <summary>
    /// Builds the automaton for non-empty <paramref name="patterns"/> (keyword id, text); <paramref name="fold"/>
    /// ignores case; in <paramref name="wholeWords"/> mode every pattern must hold a token (see <see cref="WholeWordPattern"/>).
    /// </summary>
    public KeywordAutomaton(IReadOnlyList<(int Id, string Text)> patterns, bool fold, bool wholeWords)
    {
        _fold = fold;
        _wholeWords = wholeWords;
        var folded = patterns.Select(p => (p.Id, Text: fold ? KeywordText.FoldAll(p.Text) : p.Text)).ToList();
        var classes = 0;
        foreach (var c in folded.SelectMany(p => p.Text).Distinct())
            AddClass(c, ++classes);
        _separatorClass = wholeWords ? _asciiClass[Separator] : 0;
        _width = classes + 1;
        var children = new List<Dictionary<int, int>> { new() };
        var own = new List<List<int>> { new() };
        foreach (var (id, text) in folded)
        {
            var state = 0;
            foreach (var c in text)
            {
                var cls = Class(c);
                if (!children[state].TryGetValue(cls, out var next))
                {
                    next = children.Count;
                    children[state][cls] = next;
                    children.Add([]);
                    own.Add([]);
                }
                state = next;
            }
            own[state].Add(id);
        }
        (_next, _output) = Compile(children, own, _width);
        _emits = [.. _output.Select(o => o.Length > 0)];
        for (var c = 0; c < 128; c++)
            _asciiWordClass[c] = KeywordText.IsWordChar((char)c) ? _asciiClass[c] : -1;
    }

    /// <summary>A whole-word keyword as the automaton reads it (" tok1 tok2 "), or null when it holds no token.</summary>
    public static string? WholeWordPattern(string keyword)
    {
        var tokens = KeywordText.Tokens(keyword);
        return tokens.Count == 0 ? null : Separator + string.Join(Separator, tokens) + Separator;
    }

    /// <summary>Calls <paramref name="found"/>.Mark for every keyword that occurs in <paramref name="text"/> (repeats allowed).</summary>
    // The scans are the inner loop of a whole `lf apply` run, which is often one short process: compiled optimized at
    // once rather than as tier-0 code until the tiered JIT catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Scan(string text, KeywordScratch found)
    {
        if (_wholeWords)
        {
            ScanWords(text, found);
            return;
        }
        // Fields copied to locals: the JIT cannot keep them in registers across the Emit calls otherwise.
        var (next, width, emits, ascii) = (_next, _width, _emits, _asciiClass);
        var state = 0;
        foreach (var c in text)
        {
            state = next[(state * width) + (c < ascii.Length ? ascii[c] : OtherClass(c))];
            if (emits[state])
                Emit(state, found);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanWords(string text, KeywordScratch found)
    {
        var (next, width, emits, ascii, separator) = (_next, _width, _emits, _asciiWordClass, _separatorClass);
        var state = Step(0, separator, found);
        var inWord = false;
        foreach (var c in text)
        {
            var cls = c < ascii.Length ? ascii[c] : KeywordText.IsWordChar(c) ? OtherClass(c) : -1;
            if (cls < 0)
            {
                if (!inWord)
                    continue;
                cls = separator;
                inWord = false;
            }
            else
            {
                inWord = true;
            }
            state = next[(state * width) + cls];
            if (emits[state])
                Emit(state, found);
        }
        if (inWord)
            Step(state, separator, found);
    }

    private int Step(int state, int cls, KeywordScratch found)
    {
        state = _next[(state * _width) + cls];
        if (_emits[state])
            Emit(state, found);
        return state;
    }

    private void Emit(int state, KeywordScratch found)
    {
        foreach (var id in _output[state])
            found.Mark(id);
    }

    private int OtherClass(char c) =>
        _otherClass.Count == 0 ? 0 : _otherClass.GetValueOrDefault(_fold ? KeywordText.Fold(c) : c);

    private void AddClass(char c, int cls)
    {
        if (c >= 128)
        {
            _otherClass[c] = cls;
            return;
        }
        _asciiClass[c] = cls;
        // Folded patterns hold lower-case ASCII; the upper-case letter reaches the same class without a fold call.
        if (_fold && (uint)(c - 'a') <= 'z' - 'a')
            _asciiClass[c & ~0x20] = cls;
    }

    private int Class(char c) => c < 128 ? _asciiClass[c] : _otherClass[c];

    /// <summary>Breadth-first over the trie: each state's transitions fall back to its suffix state's, outputs merge.</summary>
    private static (int[] Next, int[][] Output) Compile(List<Dictionary<int, int>> children, List<List<int>> own, int width)
    {
        var states = children.Count;
        var next = new int[states * width];
        var fail = new int[states];
        var output = new int[states][];
        output[0] = [.. own[0]];
        var queue = new Queue<int>();
        foreach (var (cls, child) in children[0])
        {
            next[cls] = child;
            queue.Enqueue(child);
        }
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            output[state] = [.. own[state], .. output[fail[state]]];
            for (var cls = 0; cls < width; cls++)
            {
                if (children[state].TryGetValue(cls, out var child))
                {
                    fail[child] = next[(fail[state] * width) + cls];
                    next[(state * width) + cls] = child;
                    queue.Enqueue(child);
                }
                else
                {
                    next[(state * width) + cls] = next[(fail[state] * width) + cls];
                }
            }
        }
        return (next, output);
    }
}
