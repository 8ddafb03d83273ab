namespace Labelforge.Training.Evaluation;

/// <summary>
/// Scores of predicted probabilities against true labels: accuracy, per-class F1 (2PR/(P+R), 0 when a class is never
/// predicted nor present), macro-F1 (their mean over classes present in truth or prediction) and expected calibration
/// error ECE = Σ_b |B_b|/n · |acc(B_b) - conf(B_b)| over equal-width confidence bins (Guo et al., ICML 2017).
/// </summary>
public sealed record ClassificationMetrics(int Count, double Accuracy, double MacroF1, double[] PerClassF1, double ExpectedCalibrationError)
{
    public static ClassificationMetrics Compute(int[] truth, float[] probabilities, int classCount, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Length != truth.Length * classCount)
            throw new ArgumentException($"{truth.Length} labels need {truth.Length * classCount} probabilities, got {probabilities.Length}");
        var tp = new int[classCount];
        var predicted = new int[classCount];
        var actual = new int[classCount];
        var binCount = new int[bins];
        var binCorrect = new int[bins];
        var binConfidence = new double[bins];
        var correct = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            var row = probabilities.AsSpan(i * classCount, classCount);
            var guess = 0;
            for (var j = 1; j < classCount; j++)
            {
                if (row[j] > row[guess])
                    guess = j;
            }
            predicted[guess]++;
            actual[truth[i]]++;
            var hit = guess == truth[i];
            if (hit)
            {
                tp[guess]++;
                correct++;
            }
            var b = Math.Min((int)(row[guess] * bins), bins - 1);
            binCount[b]++;
            binConfidence[b] += row[guess];
            if (hit)
                binCorrect[b]++;
        }
        return new ClassificationMetrics(truth.Length, truth.Length == 0 ? 0 : (double)correct / truth.Length,
            ComputeMacroF1(tp, predicted, actual, out var perClass), perClass, Ece(binCount, binCorrect, binConfidence, truth.Length));
    }

    private static double ComputeMacroF1(int[] tp, int[] predicted, int[] actual, out double[] perClass)
    {
        perClass = new double[tp.Length];
        var sum = 0.0;
        var present = 0;
        for (var j = 0; j < tp.Length; j++)
        {
            if (predicted[j] + actual[j] == 0)
                continue;
            present++;
            perClass[j] = 2.0 * tp[j] / (predicted[j] + actual[j]);
            sum += perClass[j];
        }
        return present == 0 ? 0 : sum / present;
    }

    private static double Ece(int[] count, int[] correct, double[] confidence, int n)
    {
        if (n == 0)
            return 0;
        var ece = 0.0;
        for (var b = 0; b < count.Length; b++)
        {
            if (count[b] > 0)
                ece += Math.Abs(((double)correct[b] / count[b]) - (confidence[b] / count[b])) * count[b] / n;
        }
        return ece;
    }
}
