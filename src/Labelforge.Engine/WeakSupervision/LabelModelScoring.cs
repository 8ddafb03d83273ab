using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.WeakSupervision;

/// <summary>
/// Scores probabilistic labels against gold (<see cref="LabelIndex.Abstain"/> = unknown, skipped). An
/// all-abstain row has no evidence, so it is treated as a tie among all classes whatever the model's prior
/// says only when scoring <see cref="LabelModelScore.AccuracyAbstain"/>; the random-tie accuracy uses the
/// model's own argmax (a label model's class prior is a legitimate prediction).
/// </summary>
public static class LabelModelScoring
{
    /// <summary>Scores <paramref name="probabilities"/> for <paramref name="matrix"/>'s rows against <paramref name="gold"/>.</summary>
    public static LabelModelScore Score(double[,] probabilities, LabelMatrix matrix, IReadOnlyList<int> gold, int seed)
    {
        var n = probabilities.GetLength(0);
        var k = probabilities.GetLength(1);
        if (gold.Count != n || matrix.Rows != n)
            throw new ArgumentException($"gold has {gold.Count} rows, probabilities {n}, matrix {matrix.Rows}", nameof(gold));
        var random = LabelPredictions.Argmax(probabilities, TieBreak.Random, seed);
        var strict = LabelPredictions.Argmax(probabilities, TieBreak.Abstain);
        int scored = 0, correct = 0, correctStrict = 0, covered = 0, tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < n; i++)
        {
            if (gold[i] == LabelIndex.Abstain)
                continue;
            scored++;
            var hasVote = false;
            foreach (var cell in matrix.Row(i))
                hasVote |= cell != LabelIndex.Abstain;
            covered += hasVote ? 1 : 0;
            correct += random[i] == gold[i] ? 1 : 0;
            correctStrict += hasVote && strict[i] == gold[i] ? 1 : 0;
            tp += random[i] == 1 && gold[i] == 1 ? 1 : 0;
            fp += random[i] == 1 && gold[i] != 1 ? 1 : 0;
            fn += random[i] != 1 && gold[i] == 1 ? 1 : 0;
        }
        double Frac(int c) => scored == 0 ? 0 : c / (double)scored;
        double? f1 = k == 2 ? (tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn)) : null;
        return new LabelModelScore(scored, Frac(correct), Frac(correctStrict), Frac(covered), f1);
    }
}
