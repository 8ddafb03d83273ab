namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// Aho-Corasick (Aho and Corasick, "Efficient string matching: an aid to bibliographic search", CACM 1975): all
/// substring keywords in one automaton, so a document is scanned once whatever the number of keywords. Built
/// as a full transition table over the characters that occur in some keyword (every other character leads back
/// to the root), each state listing the keywords that end there, directly or through its suffix links.
/// </summary>
internal sealed class SubstringAutomaton
{
    private readonly bool _fold;
    private readonly int[] _asciiClass = new int[128];
    private readonly Dictionary<char, int> _otherClass = [];
    private readonly int _width;
    private readonly int[] _next;
    private readonly int[][] _output;

    /// <summary>Builds the automaton for non-empty <paramref name="patterns"/> (keyword id, text); <paramref name="fold"/> ignores case.</summary>
    public SubstringAutomaton(IReadOnlyList<(int Id, string Text)> patterns, bool fold)
    {
        _fold = fold;
        var folded = patterns.Select(p => (p.Id, Text: fold ? KeywordText.FoldAll(p.Text) : p.Text)).ToList();
        var classes = 0;
        foreach (var c in folded.SelectMany(p => p.Text).Distinct())
            AddClass(c, ++classes);
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
    }

    /// <summary>Calls <paramref name="found"/>.Mark for every keyword that occurs in <paramref name="text"/> (repeats allowed).</summary>
    public void Scan(string text, KeywordScratch found)
    {
        var state = 0;
        var next = _next;
        var width = _width;
        foreach (var c in text)
        {
            var cls = c < 128 ? _asciiClass[c] : OtherClass(c);
            state = next[(state * width) + cls];
            var output = _output[state];
            foreach (var id in output)
                found.Mark(id);
        }
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
