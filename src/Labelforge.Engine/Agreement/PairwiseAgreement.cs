using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Agreement;

/// <summary>
/// The annotator-by-annotator matrix of Cohen's kappa and percent agreement. One pass over items fills a
/// K x K table per annotator pair (u &lt; v) from every pair of answers on the same item, so the cost is
/// O(sum_i m_i^2) time and O(W^2 K^2 / 2) counts of memory; with many annotators, filter to the ones of interest.
/// </summary>
public static class PairwiseAgreement
{
    /// <summary>Computes the matrix; each annotator's first answer on an item counts.</summary>
    public static PairwiseAgreementResult Compute(CrowdAnswers answers, KappaWeighting weighting = KappaWeighting.None)
    {
        ArgumentNullException.ThrowIfNull(answers);
        int w = answers.AnnotatorCount, k = answers.ClassCount, kk = k * k;
        var tables = new int[checked(w * (w - 1) / 2 * kk)];
        var perAnnotator = new int[w];
        var index = answers.ByItem;
        for (var i = 0; i < answers.ItemCount; i++)
        {
            int s = index.Start[i], e = index.Start[i + 1];
            for (var p = s; p < e; p++)
            {
                if (IsRepeat(index, s, p))
                    continue;
                perAnnotator[index.Other[p]]++;
                for (var q = p + 1; q < e; q++)
                {
                    if (IsRepeat(index, s, q) || index.Other[q] == index.Other[p])
                        continue;
                    int u = index.Other[p], v = index.Other[q], a = index.Label[p], b = index.Label[q];
                    if (u > v)
                        (u, v, a, b) = (v, u, b, a);
                    tables[(PairOffset(u, v, w) * kk) + (a * k) + b]++;
                }
            }
        }
        return Summarise(tables, perAnnotator, w, k, weighting);
    }

    private static PairwiseAgreementResult Summarise(int[] tables, int[] perAnnotator, int w, int k, KappaWeighting weighting)
    {
        var kappa = new double[w, w];
        var percent = new double[w, w];
        var shared = new int[w, w];
        var table = new double[k * k];
        for (var u = 0; u < w; u++)
        {
            kappa[u, u] = percent[u, u] = 1;
            shared[u, u] = perAnnotator[u];
            for (var v = u + 1; v < w; v++)
            {
                var offset = PairOffset(u, v, w) * k * k;
                double total = 0, same = 0;
                for (var c = 0; c < table.Length; c++)
                {
                    table[c] = tables[offset + c];
                    total += table[c];
                }
                for (var c = 0; c < k; c++)
                    same += table[(c * k) + c];
                kappa[u, v] = kappa[v, u] = CohenKappa.FromTable(table, k, weighting);
                percent[u, v] = percent[v, u] = total > 0 ? same / total : double.NaN;
                shared[u, v] = shared[v, u] = (int)total;
            }
        }
        return new PairwiseAgreementResult { Kappa = kappa, Percent = percent, SharedItems = shared };
    }

    /// <summary>Index of pair (u, v), u &lt; v, in the packed upper triangle.</summary>
    private static int PairOffset(int u, int v, int w) => (u * ((2 * w) - u - 1) / 2) + (v - u - 1);

    /// <summary>Whether an earlier answer on the same item came from the same annotator.</summary>
    private static bool IsRepeat(AnswerIndex index, int start, int p)
    {
        for (var o = start; o < p; o++)
        {
            if (index.Other[o] == index.Other[p])
                return true;
        }
        return false;
    }
}
