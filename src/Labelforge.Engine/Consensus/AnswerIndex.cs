using System.Runtime.CompilerServices;

namespace Labelforge.Engine.Consensus;

/// <summary>
/// Answers grouped by one key (item or annotator) in compressed-row form: the answers of key <c>g</c> are
/// positions <c>Start[g]..Start[g+1]-1</c>, with the other side in <see cref="Other"/>, the label in
/// <see cref="Label"/>, and the position in the original answer list in <see cref="Answer"/>.
/// </summary>
internal sealed class AnswerIndex
{
    private AnswerIndex(int[] start, int[] other, int[] label, int[] answer)
    {
        Start = start;
        Other = other;
        Label = label;
        Answer = answer;
    }

    public int[] Start { get; }

    public int[] Other { get; }

    public int[] Label { get; }

    public int[] Answer { get; }

    public int GroupCount => Start.Length - 1;

    public int Size(int group) => Start[group + 1] - Start[group];

    /// <summary>Counting sort by key: stable, O(answers + groups).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AnswerIndex Build(int[] keys, int[] others, int[] labels, int groupCount)
    {
        var start = new int[groupCount + 1];
        foreach (var k in keys)
            start[k + 1]++;
        for (var g = 0; g < groupCount; g++)
            start[g + 1] += start[g];
        var next = new int[groupCount];
        Array.Copy(start, next, groupCount);
        var other = new int[keys.Length];
        var label = new int[keys.Length];
        var answer = new int[keys.Length];
        for (var a = 0; a < keys.Length; a++)
        {
            var p = next[keys[a]]++;
            other[p] = others[a];
            label[p] = labels[a];
            answer[p] = a;
        }
        return new AnswerIndex(start, other, label, answer);
    }
}
