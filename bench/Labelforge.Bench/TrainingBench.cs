using System.Diagnostics;
using Labelforge.Training.Embeddings;
using Labelforge.Training.Evaluation;
using Labelforge.Training.Fast;
using Labelforge.Training.TextClassification;

namespace Labelforge.Bench;

/// <summary>
/// Retraining cost of the linear text model on 10,000 labeled items (SMS Spam plus SpamAssassin mails cut to their first
/// 2,000 characters, both ham/spam) for each learner, their held-out metrics, the same against the TF-IDF logistic
/// regression, embedding-linear against linear on SMS Spam, and the per-step cost of an active-learning retrain.
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
        var learners = new (string Name, Func<TextExamples, Func<IReadOnlyList<string>, float[]>> Fit)[]
        {
            ("linear: ML.NET word 1-2 + char 3-grams, cached, L-BFGS max-ent (default)", e => TextClassifierTrainer.Train(e).PredictProbabilities),
            ("linear: same features, cached, SDCA max-ent 20 passes", e => TextClassifierTrainer.Train(e, new TextClassifierOptions { Trainer = LinearTrainer.SdcaMaximumEntropy }).PredictProbabilities),
            ("TF-IDF 1-2-grams (min_df 2) + L-BFGS logistic regression (Fast/)", FitSoftmax),
        };
        foreach (var (name, fit) in learners)
        {
            Row($"{name}: retrain", examples.Count, () => fit(examples));
            var scored = Row($"{name}: train 80% + score 20%", examples.Count, () =>
            {
                var predict = fit(examples.Subset(train));
                var heldOut = examples.Subset(test);
                return ClassificationMetrics.Compute(heldOut.Labels, predict(heldOut.Texts), 2);
            });
            Console.WriteLine($"|  ↳ held-out scores | {test.Length:N0} | | | | {scored.Accuracy:F4} | {scored.MacroF1:F4} | {scored.ExpectedCalibrationError:F4} |");
        }
        Row("ML.NET 5-fold out-of-fold probabilities (label errors)", 2000, () => CrossValidation.OutOfFoldProbabilities(examples.Subset([.. train.Take(2000)]), folds: 5));
        SmsComparison();
        StepCost(examples, train);
        return Task.CompletedTask;
    }

    /// <summary>linear against embedding-linear (MiniLM + L-BFGS logistic regression) on SMS Spam, 80/20 stratified.</summary>
    private static void SmsComparison()
    {
        var sms = BenchData.SmsSpam();
        var all = new TextExamples(sms.Texts, sms.Labels, sms.ClassNames.Length);
        var (train, test) = DataSplit.TrainTest(all.Labels, 0.2, seed: 1);
        var heldOut = all.Subset(test);
        foreach (var (name, fit) in new (string, Func<TextExamples, Func<IReadOnlyList<string>, float[]>>)[]
        {
            ("SMS Spam, linear", e => TextClassifierTrainer.Train(e).PredictProbabilities),
            ("SMS Spam, embedding-linear (MiniLM-L6 384-d + L-BFGS)", e => EmbeddingClassifier.Train(e).PredictProbabilities),
        })
        {
            var m = Row($"{name}: train 80% + score 20%", all.Count, () => ClassificationMetrics.Compute(heldOut.Labels, fit(all.Subset(train))(heldOut.Texts), all.ClassCount));
            Console.WriteLine($"|  ↳ held-out scores | {test.Length:N0} | | | | {m.Accuracy:F4} | {m.MacroF1:F4} | {m.ExpectedCalibrationError:F4} |");
        }
    }

    private static T Row<T>(string name, int items, Func<T> work)
    {
        var cpu = CpuSeconds();
        var run = Measure.Run(work);
        Console.WriteLine($"| {name} | {items:N0} | {run.Elapsed.TotalSeconds:F1} s | {CpuSeconds() - cpu:F1} s | {Measure.Mb(run.PeakWorkingSetBytes)} | | | |");
        return run.Result;
    }

    private static Func<IReadOnlyList<string>, float[]> FitSoftmax(TextExamples e)
    {
        var featurizer = new TfidfFeaturizer();
        var model = SoftmaxRegression.Train(featurizer.FitTransform(e.Texts), e.Labels, e.ClassCount, featurizer.Dimension);
        return texts => model.PredictProbabilities(featurizer.Transform(texts));
    }

    /// <summary>One active-learning step: retrain on 1,500 labels and score a 6,000-item pool.</summary>
    private static void StepCost(TextExamples examples, int[] train)
    {
        var labeled = examples.Subset([.. train.Take(1500)]);
        var pool = examples.Subset([.. train.Skip(1500).Take(6000)]).Texts;
        Row("AL step with ML.NET linear: retrain 1,500 + score pool", 6000, () => TextClassifierTrainer.Train(labeled).PredictProbabilities(pool));
        var featurizer = new TfidfFeaturizer();
        var clock = Stopwatch.StartNew();
        var poolVectors = featurizer.FitTransform(pool);
        var labeledVectors = featurizer.Transform(labeled.Texts);
        var featurize = clock.Elapsed.TotalSeconds;
        Row($"AL step with TF-IDF + L-BFGS logistic regression (featurized once in {featurize:F1} s)", 6000,
            () => SoftmaxRegression.Train(labeledVectors, labeled.Labels, 2, featurizer.Dimension).PredictProbabilities(poolVectors));
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
