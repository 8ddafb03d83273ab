using System.Runtime.CompilerServices;

namespace Labelforge.Core.LabelingFunctions.Keywords;

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
    // The class of each ASCII character; in whole-word mode every ASCII non-word character has the separator's class.
    private readonly int[] _asciiClass = new int[128];
    private readonly Dictionary<char, int> _otherClass = [];
    // Transitions, premultiplied: _next[s + class] is the next state s', itself a row offset (state number << _shift),
    // so a step is one load; states that emit come last, so "does it emit" is s' >= _firstEmitting.
    private readonly int _shift;
    private readonly int[] _next;
    private readonly int _start;
    private readonly int _firstEmitting;
    private readonly int[][] _output;

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
        if (wholeWords)
        {
            for (var c = 0; c < 128; c++)
            {
                if (!KeywordText.IsWordChar((char)c))
                    _asciiClass[c] = _separatorClass;
            }
        }
        _shift = 1;
        while ((1 << _shift) < classes + 1)
            _shift++;
        var (children, own, incoming) = Trie(folded);
        var (next, output) = Compile(children, own, 1 << _shift);
        if (wholeWords)
            CollapseSeparatorRuns(next, incoming, 1 << _shift);
        (_next, _output, _firstEmitting) = EmittingLast(next, output, _shift);
        _start = wholeWords ? _next[_separatorClass] : 0;
    }

    /// <summary>A whole-word keyword as the automaton reads it (" tok1 tok2 "), or null when it holds no token.</summary>
    public static string? WholeWordPattern(string keyword)
    {
        var tokens = KeywordText.Tokens(keyword);
        return tokens.Count == 0 ? null : Separator + string.Join(Separator, tokens) + Separator;
    }

    /// <summary>Calls <paramref name="found"/>.Mark for every keyword that occurs in <paramref name="text"/> (repeats allowed).</summary>
    // The scan is the inner loop of a whole `lf apply` run, which is often one short process: not marked
    // AggressiveOptimization, so the ReadyToRun build precompiles it (that mark sent it to the JIT in every new
    // process). Fields are copied to locals so the compiler keeps
    // them in registers across the Emit calls.
    public void Scan(string text, KeywordScratch found)
    {
        var (next, ascii, firstEmitting) = (_next, _asciiClass, _firstEmitting);
        // Whole-word mode reads a separator before the first character and after the last one.
        var state = _start;
        if (state >= firstEmitting)
            Emit(state, found);
        foreach (var c in text)
        {
            state = next[state + (c < 128 ? ascii[c] : OtherClass(c))];
            if (state >= firstEmitting)
                Emit(state, found);
        }
        if (_wholeWords)
        {
            state = next[state + _separatorClass];
            if (state >= firstEmitting)
                Emit(state, found);
        }
    }

    private void Emit(int state, KeywordScratch found)
    {
        foreach (var id in _output[state >> _shift])
            found.Mark(id);
    }

    /// <summary>The class of a non-ASCII character: in whole-word mode a non-word character reads as the separator.</summary>
    private int OtherClass(char c)
    {
        if (_wholeWords && !KeywordText.IsWordChar(c))
            return _separatorClass;
        return _otherClass.Count == 0 ? 0 : _otherClass.GetValueOrDefault(_fold ? KeywordText.Fold(c) : c);
    }

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

    /// <summary>The trie of the patterns: children per state by class, the keywords ending at each state, and the class of the edge into it.</summary>
    private (List<Dictionary<int, int>> Children, List<List<int>> Own, List<int> Incoming) Trie(List<(int Id, string Text)> patterns)
    {
        var children = new List<Dictionary<int, int>> { new() };
        var own = new List<List<int>> { new() };
        var incoming = new List<int> { -1 };
        foreach (var (id, text) in patterns)
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
                    incoming.Add(cls);
                }
                state = next;
            }
            own[state].Add(id);
        }
        return (children, own, incoming);
    }

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

    /// <summary>
    /// Whole-word mode: a separator after a separator leaves the state as it is, so a run of non-word characters reads
    /// as the one separator the patterns hold. Exact: patterns never hold two separators in a row, so in the collapsed
    /// reading no such transition is taken, and the state after a separator always entered through one (every pattern
    /// starts with one, so the longest matching suffix is never the root). Done after <see cref="Compile"/>, whose
    /// fallbacks must see the plain automaton.
    /// </summary>
    private void CollapseSeparatorRuns(int[] next, List<int> incoming, int width)
    {
        for (var state = 0; state < incoming.Count; state++)
        {
            if (incoming[state] == _separatorClass)
                next[(state * width) + _separatorClass] = state;
        }
    }

    /// <summary>Renumbers the states so those with output come last, and premultiplies every target by the row width.</summary>
    private static (int[] Next, int[][] Output, int FirstEmitting) EmittingLast(int[] next, int[][] output, int shift)
    {
        var states = output.Length;
        var width = 1 << shift;
        // The root keeps number 0 (scans start there) unless it emits itself, which no non-empty pattern makes it do.
        var order = Enumerable.Range(0, states).OrderBy(s => output[s].Length > 0 ? 1 : 0).ThenBy(s => s).ToArray();
        var number = new int[states];
        for (var i = 0; i < states; i++)
            number[order[i]] = i;
        var renumbered = new int[next.Length];
        var outputs = new int[states][];
        for (var i = 0; i < states; i++)
        {
            var old = order[i];
            outputs[i] = output[old];
            for (var cls = 0; cls < width; cls++)
                renumbered[(i << shift) + cls] = number[next[(old << shift) + cls]] << shift;
        }
        var firstEmitting = Array.FindIndex(order, s => output[s].Length > 0);
        return (renumbered, outputs, (firstEmitting < 0 ? states : firstEmitting) << shift);
    }
}
