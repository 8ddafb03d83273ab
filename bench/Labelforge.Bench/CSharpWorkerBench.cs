using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Labelforge.Core.LabelingFunctions;
using Labelforge.Core.LabelingFunctions.Functions;
using Labelforge.Core.LabelingFunctions.Sets;

namespace Labelforge.Bench;

/// <summary>
/// Suite `lf-csharp`: 5 C# labeling functions (text and field checks) over 5,000 documents with fields, applied in the
/// worker process (cold: the worker starts; warm: a kept worker) against the former in-process way (the same compiled
/// image loaded here and called through delegates over all cores). Load (YAML + Roslyn compile) is the same for both.
/// </summary>
internal static class CSharpWorkerBench
{
    private const int Items = 5_000;
    private const int Runs = 7;

    private const string Yaml = """
        labels: [ham, spam]
        functions:
          - name: cs
            kind: csharp
            code: |
              public static class Rules
              {
                  public static string? Shout(LabelingFunctionDocument d) => d.Text.Length > 8 && d.Text.ToUpperInvariant() == d.Text ? "spam" : null;
                  public static int Short(LabelingFunctionDocument d) => d.Text.Length < 30 ? 0 : -1;
                  public static int Link(LabelingFunctionDocument d) => d.Text.Contains("http", StringComparison.Ordinal) ? 1 : -1;
                  public static int Likes(LabelingFunctionDocument d) => d.FieldNumber("likes") > 100 ? 0 : -1;
                  public static int? Words(LabelingFunctionDocument d) => d.Text.Split(' ').Length > 20 ? 1 : null;
              }
        """;

    public static Task RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var set = LabelingFunctionSetLoader.LoadText(Yaml, "bench.yaml", ".").Set!;
        var load = clock.Elapsed.TotalSeconds;
        var documents = Documents();
        Console.WriteLine($"C# labeling functions: 5 functions over {Items:N0} documents with fields, {Environment.ProcessorCount} cores; load (YAML + compile) {load:F3} s, the same either way");
        Console.WriteLine();
        Console.WriteLine("| how | first apply | apply (median of 7) |");
        Console.WriteLine("|---|---|---|");
        var inProcess = InProcess(set);
        var first = Time(() => Apply(inProcess, documents));
        var times = Enumerable.Range(0, Runs).Select(_ => Time(() => Apply(inProcess, documents))).Order().ToList();
        Console.WriteLine($"| in process (former) | {first:F4} s | {times[Runs / 2]:F4} s |");
        var cold = Time(() => LabelingFunctionApplier.Apply(set, documents));
        var warm = Enumerable.Range(0, Runs).Select(_ => Time(() => LabelingFunctionApplier.Apply(set, documents))).Order().ToList();
        Console.WriteLine($"| worker process | {cold:F4} s (worker start) | {warm[Runs / 2]:F4} s |");
        return Task.CompletedTask;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The set's compiled image loaded into this process, as the server did before the worker.</summary>
    private static Func<LabelingFunctionDocument, int>[] InProcess(LabelingFunctionSet set)
    {
        var functions = set.Functions.Cast<CSharpFunction>().ToList();
        var assembly = new AssemblyLoadContext("bench", isCollectible: true).LoadFromStream(new MemoryStream(functions[0].File.Image));
        return [.. functions.Select(f =>
        {
            var method = assembly.GetType(f.TypeName)!.GetMethod(f.Method, BindingFlags.Public | BindingFlags.Static)!;
            return f.Returns switch
            {
                CSharpReturnKind.Index => method.CreateDelegate<Func<LabelingFunctionDocument, int>>(),
                CSharpReturnKind.NullableIndex => Wrap(method.CreateDelegate<Func<LabelingFunctionDocument, int?>>()),
                _ => Wrap(method.CreateDelegate<Func<LabelingFunctionDocument, string?>>()),
            };
        })];
    }

    private static Func<LabelingFunctionDocument, int> Wrap(Func<LabelingFunctionDocument, int?> f) => d => f(d) ?? -1;

    private static Func<LabelingFunctionDocument, int> Wrap(Func<LabelingFunctionDocument, string?> f) => d => f(d) switch { null => -1, "ham" => 0, _ => 1 };

    private static short[] Apply(Func<LabelingFunctionDocument, int>[] functions, LabelingFunctionDocument[] documents)
    {
        var cells = new short[documents.Length * functions.Length];
        Parallel.For(0, documents.Length, i =>
        {
            for (var j = 0; j < functions.Length; j++)
                cells[i * functions.Length + j] = (short)functions[j](documents[i]);
        });
        return cells;
    }

    private static LabelingFunctionDocument[] Documents()
    {
        var random = new Random(5);
        string[] words = ["free", "win", "song", "love", "http://x.example", "CHECK", "great", "music", "thanks", "subscribe"];
        return [.. Enumerable.Range(0, Items).Select(i =>
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(3, 30)).Select(_ => words[random.Next(words.Length)]));
            return new LabelingFunctionDocument(i % 7 == 0 ? text.ToUpperInvariant() : text,
                JsonDocument.Parse($$"""{"likes": {{random.Next(0, 300)}}, "author": "user{{i % 50}}"}""").RootElement);
        })];
    }
}
