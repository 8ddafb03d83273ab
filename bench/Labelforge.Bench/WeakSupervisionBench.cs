using System.Diagnostics;
using Labelforge.Core.LabelingFunctions;
using Labelforge.Core.LabelingFunctions.Sets;
using Labelforge.Engine.Synthetic;
using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Bench;

/// <summary>
/// Suite `weak`: label-model fits on a 100,000 × 20 binary label matrix with known truth, and 10 keyword
/// labeling functions over 100,000 short documents. Times are the median of several runs after a warm-up.
/// </summary>
internal static class WeakSupervisionBench
{
    private const int Items = 100_000;
    private const int Runs = 7;

    public static Task RunAsync()
    {
        LabelModels();
        Console.WriteLine();
        Application();
        return Task.CompletedTask;
    }

    private static void LabelModels()
    {
        var random = new Random(7);
        var accuracy = Enumerable.Range(0, 20).Select(_ => 0.55 + (0.4 * random.NextDouble())).ToArray();
        var coverage = Enumerable.Range(0, 20).Select(_ => 0.1 + (0.5 * random.NextDouble())).ToArray();
        var (matrix, truth) = SyntheticLabelMatrix.Generate(Items, coverage, accuracy, [0.6, 0.4], seed: 7);
        Console.WriteLine($"Label models on a {Items:N0} x 20 binary label matrix (seeded synthetic, class balance 0.6/0.4; Snorkel's LabelModel: about 0.3 s per fit)");
        Console.WriteLine();
        Console.WriteLine("| model | fit wall time (median) | fit CPU time (median) | peak managed memory | accuracy vs truth | estimated P(y=0) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var make in new Func<ILabelModel>[] { () => new MajorityVoteLabelModel(), () => new MatrixCompletionLabelModel(), () => new DawidSkeneLabelModel() })
        {
            make().Fit(matrix, 2);
            var times = new List<double>();
            var cpu = new List<double>();
            LabelModelDiagnostics? diagnostics = null;
            long peak = 0;
            for (var run = 0; run < Runs; run++)
            {
                var model = make();
                var before = CpuSeconds();
                var measured = Measure.Run(() => model.Fit(matrix, 2));
                cpu.Add(CpuSeconds() - before);
                times.Add(measured.Elapsed.TotalSeconds);
                peak = Math.Max(peak, measured.PeakManagedBytes);
                diagnostics = measured.Result;
            }
            var fitted = make();
            fitted.Fit(matrix, 2);
            var score = LabelModelScoring.Score(fitted.PredictProbabilities(matrix), matrix, truth, seed: 1);
            Console.WriteLine($"| {fitted.Name} | {Median(times):F4} s | {Median(cpu):F4} s | {Measure.Mb(peak)} | {score.Accuracy:P2} | {diagnostics!.ClassBalance[0]:F3} |");
        }
    }

    private static void Application()
    {
        var documents = Documents(Items, seed: 11);
        Console.WriteLine($"Labeling-function application: 10 keyword LFs (3 keywords each, one a phrase) over {Items:N0} short documents, {Environment.ProcessorCount} cores (Snorkel's pandas applier: about 4 s)");
        Console.WriteLine();
        Console.WriteLine("| applier | wall time (median) | CPU time (median) | peak managed memory | documents / s (wall) | votes |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var wholeWord in new[] { true, false })
        {
            var set = KeywordSet(wholeWord);
            var mode = wholeWord ? "whole-word" : "substring";
            var parallel = Time(set, documents, new LabelingFunctionApplyOptions());
            Console.WriteLine($"| {mode}, parallel | {parallel.Wall:F4} s | {parallel.Cpu:F4} s | {Measure.Mb(parallel.Peak)} | {Items / parallel.Wall:N0} | {parallel.Votes:N0} |");
            var single = Time(set, documents, new LabelingFunctionApplyOptions { MaxDegreeOfParallelism = 1 });
            Console.WriteLine($"| {mode}, 1 thread | {single.Wall:F4} s | {single.Cpu:F4} s | {Measure.Mb(single.Peak)} | {Items / single.Wall:N0} | {single.Votes:N0} |");
        }
    }

    /// <summary>The application documents as a CSV (id, text) and the whole-word keyword set as YAML, for `lf apply` as a process.</summary>
    internal static int WriteDocuments(string csvPath, string yamlPath, int seed)
    {
        var documents = Documents(Items, seed);
        using (var csv = new StreamWriter(csvPath, false, new System.Text.UTF8Encoding(false), 1 << 16))
        {
            csv.WriteLine("id,text");
            for (var i = 0; i < documents.Length; i++)
                csv.WriteLine($"{i},\"{documents[i].Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        }
        File.WriteAllText(yamlPath, KeywordYaml(wholeWord: true));
        return documents.Length;
    }

    private static string KeywordYaml(bool wholeWord) =>
        "labels: [ham, spam]\nfunctions:\n" + string.Concat(Enumerable.Range(0, 10).Select(i =>
            $"  - {{name: kw{i}, kind: keyword, whole_word: {(wholeWord ? "true" : "false")}, keywords: [{Words[i * 3]}, {Words[(i * 3) + 1]}, \"{Words[(i * 3) + 2]} {Words[i + 40]}\"], label: {(i % 2 == 0 ? "spam" : "ham")}}}\n"));

    private static LabelingFunctionSet KeywordSet(bool wholeWord) =>
        LabelingFunctionSetLoader.LoadText(KeywordYaml(wholeWord), "bench.yaml", ".").Set!;

    /// <summary>Median wall and CPU time of several runs after warm-up runs, the peak memory and the votes cast.</summary>
    private static (double Wall, double Cpu, long Peak, long Votes) Time(LabelingFunctionSet set, LabelingFunctionDocument[] documents, LabelingFunctionApplyOptions options)
    {
        // Several warm-up runs: tiered JIT recompiles the scan loops in the background during the first ones.
        for (var warmUp = 0; warmUp < 10; warmUp++)
            LabelingFunctionApplier.Apply(set, documents, options);
        var times = new List<double>();
        var cpu = new List<double>();
        long peak = 0, votes = 0;
        for (var run = 0; run < Runs; run++)
        {
            var before = CpuSeconds();
            var measured = Measure.Run(() => LabelingFunctionApplier.Apply(set, documents, options));
            cpu.Add(CpuSeconds() - before);
            times.Add(measured.Elapsed.TotalSeconds);
            peak = Math.Max(peak, measured.PeakManagedBytes);
            votes = measured.Result.Matrix.Cells.LongCount(c => c >= 0);
        }
        return (Median(times), Median(cpu), peak, votes);
    }

    private static readonly string[] Words =
    [
        "free", "win", "prize", "song", "love", "video", "channel", "subscribe", "check", "out", "great", "music",
        "click", "link", "money", "cash", "offer", "thanks", "nice", "cool", "best", "ever", "watch", "like",
        "comment", "share", "follow", "today", "now", "please", "hello", "world", "amazing", "voice", "dance", "beat",
        "lyrics", "album", "tour", "fans", "my", "new", "this", "is", "the", "a", "to", "and", "of", "you",
    ];

    /// <summary>Seeded short documents (5 to 25 words) with mixed case and punctuation, like comments.</summary>
    private static LabelingFunctionDocument[] Documents(int count, int seed)
    {
        var random = new Random(seed);
        var documents = new LabelingFunctionDocument[count];
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Clear();
            var length = random.Next(5, 26);
            for (var w = 0; w < length; w++)
            {
                var word = Words[random.Next(Words.Length)];
                builder.Append(random.Next(10) == 0 ? word.ToUpperInvariant() : word).Append(random.Next(8) == 0 ? ", " : " ");
            }
            documents[i] = new LabelingFunctionDocument(builder.ToString());
        }
        return documents;
    }

    /// <summary>CPU time of the whole process (all threads, including the GC and the memory sampler).</summary>
    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
