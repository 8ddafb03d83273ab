namespace Labelforge.Bench;

/// <summary>Runs named benchmark suites; each suite prints its own Markdown table.</summary>
internal static class BenchRunner
{
    private static readonly Dictionary<string, Func<Task>> Suites = new(StringComparer.OrdinalIgnoreCase)
    {
        ["store"] = StoreBench.RunAsync,
        ["auto-accept"] = AutoAcceptBench.RunAsync,
        ["agreement"] = AgreementBench.RunAsync,
        ["formats"] = FormatsBench.RunAsync,
        ["annotate-ui"] = AnnotateUiBench.RunAsync,
        ["consensus"] = ConsensusSuite.RunAsync,
        ["consensus-store"] = ProjectConsensusBench.RunAsync,
        ["dawid-skene-smoothing"] = DawidSkeneSmoothingSuite.RunAsync,
        ["weak"] = WeakSupervisionBench.RunAsync,
        ["lf-csharp"] = CSharpWorkerBench.RunAsync,
        ["label-model-shapes"] = LabelModelShapesSuite.RunAsync,
        ["label-errors"] = LabelErrorsBench.RunAsync,
        ["active-learning"] = ActiveLearningBench.RunAsync,
        ["training"] = TrainingBench.RunAsync,
        ["al-simulation"] = ActiveLearningSimulationBench.RunAsync,
        ["al-queue"] = ActiveLearningQueueBench.RunAsync,
        ["process"] = ProcessBench.RunAsync,
        ["process-files"] = ProcessBench.RunFilesAsync,
        ["al-reference"] = ActiveLearningReferenceBench.RunAsync,
        ["al-query-diagnosis"] = ActiveLearningQueryDiagnosis.RunAsync,
        ["al-seeds"] = ActiveLearningSeedsBench.RunAsync,
        ["scale"] = ScaleBench.RunAsync,
        ["images"] = ImagesBench.RunAsync,
        ["coco-import"] = CocoImportBench.RunAsync,
        ["overlap"] = OverlapBench.RunAsync,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            Console.WriteLine("Suites: " + string.Join(", ", Suites.Keys.Order()));
            return 0;
        }
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        foreach (var name in args)
        {
            if (!Suites.TryGetValue(name, out var suite))
            {
                await Console.Error.WriteLineAsync($"unknown suite '{name}'; known: {string.Join(", ", Suites.Keys)}");
                return 2;
            }
            Console.WriteLine($"## {name}");
            await suite();
        }
        return 0;
    }
}
