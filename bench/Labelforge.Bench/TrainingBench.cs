using System.Diagnostics;
using Labelforge.Training.Evaluation;
using Labelforge.Training.Fast;
using Labelforge.Training.TextClassification;

namespace Labelforge.Bench;

/// <summary>
/// Retraining cost of the ML.NET text model on 10,000 labeled items (SMS Spam plus SpamAssassin mails cut to their first
/// 2,000 characters, both ham/spam), its held-out metrics, and the per-step cost of an active-learning retrain with
/// ML.NET versus the hashed-feature softmax regression the simulation uses.
/// </summary>
internal static class TrainingBench
{
    public static Task RunAsync()
    {
        var examples = Mixed(10_000, seed: 1);
        var (train, test) = DataSplit.TrainTest(examples.Labels, 0.2, seed: 1);
        Console.WriteLine("| workload | items | wall time | CPU time | peak working set | accuracy | macro-F1 | ECE |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        TextClassifierTrainer.Train(examples.Subset([.. train.Take(200)]));
        var cpu = CpuSeconds();
        var full = Measure.Run(() => TextClassifierTrainer.Train(examples));
        Console.WriteLine($"| ML.NET train (word 1-2 + char 3-grams, SDCA max-ent, 20 passes) | {examples.Count:N0} | {full.Elapsed.TotalSeconds:F1} s | {CpuSeconds() - cpu:F1} s | {Measure.Mb(full.PeakWorkingSetBytes)} | | | |");
        cpu = CpuSeconds();
        var words = Measure.Run(() => TextClassifierTrainer.Train(examples, new TextClassifierOptions { CharNgramLength = 0 }));
        Console.WriteLine($"| ML.NET train, word 1-2-grams only | {examples.Count:N0} | {words.Elapsed.TotalSeconds:F1} s | {CpuSeconds() - cpu:F1} s | {Measure.Mb(words.PeakWorkingSetBytes)} | | | |");
        cpu = CpuSeconds();
        var split = Measure.Run(() =>
        {
            var model = TextClassifierTrainer.Train(examples.Subset(train));
            var heldOut = examples.Subset(test);
            return ClassificationMetrics.Compute(heldOut.Labels, model.PredictProbabilities(heldOut.Texts), 2);
        });
        Console.WriteLine($"| ML.NET train on 80% + score 20% | {examples.Count:N0} | {split.Elapsed.TotalSeconds:F1} s | {CpuSeconds() - cpu:F1} s | {Measure.Mb(split.PeakWorkingSetBytes)} | {split.Result.Accuracy:F4} | {split.Result.MacroF1:F4} | {split.Result.ExpectedCalibrationError:F4} |");
        cpu = CpuSeconds();
        var oof = Measure.Run(() => CrossValidation.OutOfFoldProbabilities(examples.Subset([.. train.Take(2000)]), folds: 5));
        Console.WriteLine($"| ML.NET 5-fold out-of-fold probabilities | 2,000 | {oof.Elapsed.TotalSeconds:F1} s | {CpuSeconds() - cpu:F1} s | {Measure.Mb(oof.PeakWorkingSetBytes)} | | | |");
        StepCost(examples, train);
        return Task.CompletedTask;
    }

    /// <summary>One active-learning step: retrain on 1,500 labels and score a 6,000-item pool.</summary>
    private static void StepCost(TextExamples examples, int[] train)
    {
        var labeled = examples.Subset([.. train.Take(1500)]);
        var pool = examples.Subset([.. train.Skip(1500).Take(6000)]).Texts;
        var cpu = CpuSeconds();
        var mlnet = Measure.Run(() => TextClassifierTrainer.Train(labeled).PredictProbabilities(pool));
        Console.WriteLine($"| AL step with ML.NET: retrain 1,500 + score pool | 6,000 pool | {mlnet.Elapsed.TotalSeconds:F2} s | {CpuSeconds() - cpu:F1} s | {Measure.Mb(mlnet.PeakWorkingSetBytes)} | | | |");
        var featurizer = new HashedTextFeaturizer();
        var clock = Stopwatch.StartNew();
        var poolVectors = featurizer.FitTransform(pool);
        var labeledVectors = featurizer.Transform(labeled.Texts);
        var featurize = clock.Elapsed.TotalSeconds;
        cpu = CpuSeconds();
        var fast = Measure.Run(() => SoftmaxRegression.Train(labeledVectors, labeled.Labels, 2, featurizer.Dimension).PredictProbabilities(poolVectors));
        Console.WriteLine($"| AL step with hashed TF-IDF + softmax regression (featurized once in {featurize:F1} s) | 6,000 pool | {fast.Elapsed.TotalSeconds:F2} s | {CpuSeconds() - cpu:F1} s | {Measure.Mb(fast.PeakWorkingSetBytes)} | | | |");
    }

    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static TextExamples Mixed(int count, int seed)
    {
        var sms = BenchData.SmsSpam();
        var mail = BenchData.SpamAssassin();
        var rows = sms.Texts.Select((t, i) => (Text: t, Spam: sms.ClassNames[sms.Labels[i]] == "spam"))
            .Concat(mail.Texts.Select((t, i) => (Text: t.Length > 2000 ? t[..2000] : t, Spam: mail.ClassNames[mail.Labels[i]] == "spam")))
            .ToArray();
        new Random(seed).Shuffle(rows);
        rows = rows[..count];
        return new TextExamples([.. rows.Select(r => r.Text)], [.. rows.Select(r => r.Spam ? 1 : 0)], 2);
    }
}
