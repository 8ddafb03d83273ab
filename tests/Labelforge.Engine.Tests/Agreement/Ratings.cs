using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Tests.Agreement;

/// <summary>Builds answers for agreement tests from readable tables.</summary>
internal static class Ratings
{
    /// <summary>Rows are annotators, columns units; 0 is a missing value, v &gt; 0 is label v - 1.</summary>
    public static CrowdAnswers FromObserverRows(int[][] rows, int classCount)
    {
        int units = rows[0].Length, observers = rows.Length;
        var matrix = new int[units, observers];
        for (var o = 0; o < observers; o++)
        {
            for (var u = 0; u < units; u++)
                matrix[u, o] = rows[o][u] == 0 ? LabelIndex.Abstain : rows[o][u] - 1;
        }
        return CrowdAnswers.FromMatrix(matrix, classCount);
    }

    /// <summary>Each row counts how many annotators chose each label for one item (Fleiss' table form).</summary>
    public static CrowdAnswers FromCounts(int[][] counts)
    {
        var k = counts[0].Length;
        var rows = counts.Select(row => row.SelectMany((c, label) => Enumerable.Repeat(label, c)).ToArray()).ToArray();
        return CrowdAnswers.FromMatrix(rows, k);
    }

    /// <summary>Two annotators from a K x K table of counts (rows: first annotator).</summary>
    public static CrowdAnswers FromPairTable(int[,] table)
    {
        var k = table.GetLength(0);
        var rows = new List<int[]>();
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < k; b++)
            {
                for (var c = 0; c < table[a, b]; c++)
                    rows.Add([a, b]);
            }
        }
        return CrowdAnswers.FromMatrix(rows.ToArray(), k);
    }
}
