using System.Diagnostics;
using System.Text.Json;
using Labelforge.Core.Common;
using Labelforge.Core.LabelingFunctions;
using Labelforge.Core.LabelingFunctions.Sandbox;
using Labelforge.Core.LabelingFunctions.Sets;
using Labelforge.Engine;

namespace Labelforge.Core.Tests.LabelingFunctions.Sandbox;

/// <summary>C# labeling functions run in a worker process: its crashes, loops and memory stay there.</summary>
public class CSharpWorkerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LabelingFunctionSet Set(string code)
    {
        var yaml = "labels: [ham, spam]\nfunctions:\n  - name: f\n    kind: csharp\n    code: |\n"
            + string.Join('\n', code.Split('\n').Select(l => "      " + l)) + "\n  - {name: link, kind: regex, pattern: 'http', label: spam}\n";
        var loaded = LabelingFunctionSetLoader.LoadText(yaml, "set.yaml", Path.GetTempPath());
        Assert.Empty(loaded.Errors);
        return loaded.Set!;
    }

    private static List<LabelingFunctionDocument> Documents(int n) =>
        [.. Enumerable.Range(0, n).Select(i => new LabelingFunctionDocument(i % 3 == 0 ? $"see http://x/{i}" : $"text {i}",
            JsonDocument.Parse($$"""{"likes": {{i}}}""").RootElement, new Dictionary<string, string> { ["alice"] = i % 2 == 0 ? "ham" : "spam" }))];

    [Fact]
    public void Votes_fields_annotations_and_faults_come_back_from_the_worker_as_in_process()
    {
        var set = Set("""
            public static class F
            {
                public static int Likes(LabelingFunctionDocument d) => d.FieldNumber("likes") > 5 ? 0 : -1;
                public static string? Alice(LabelingFunctionDocument d) => d.Annotations?["alice"];
                public static int Breaks(LabelingFunctionDocument d) => d.Text.Length > 6 ? int.Parse("x") : 1;
                public static string Eggs(LabelingFunctionDocument d) => "eggs";
            }
            """);
        var documents = Documents(40);
        var result = LabelingFunctionApplier.Apply(set, documents, new LabelingFunctionApplyOptions { ChunkSize = 16 }, cancellationToken: Ct);
        Assert.Equal(["f.Likes", "f.Alice", "f.Breaks", "f.Eggs", "link"], result.Names);
        for (var i = 0; i < documents.Count; i++)
        {
            var row = result.Matrix.Row(i);
            Assert.Equal(i > 5 ? 0 : LabelIndex.Abstain, row[0]);
            Assert.Equal(i % 2 == 0 ? 0 : 1, row[1]);
            Assert.Equal(documents[i].Text.Length > 6 ? LabelIndex.Abstain : 1, row[2]);
            Assert.Equal(LabelIndex.Abstain, row[3]);
            Assert.Equal(i % 3 == 0 ? 1 : LabelIndex.Abstain, row[4]);
        }
        Assert.Equal(documents.Count(d => d.Text.Length > 6), result.Faults[2]);
        Assert.Contains("FormatException", result.FirstFaults[2], StringComparison.Ordinal);
        Assert.Equal(40, result.Faults[3]);
        Assert.Contains("unknown label 'eggs'", result.FirstFaults[3], StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_overflow_ends_only_the_worker_and_the_next_run_gets_a_fresh_one()
    {
        // In the test process itself this would end the whole test run.
        var set = Set("""
            public static class F
            {
                public static int Deep(LabelingFunctionDocument d) => Recurse(d.Text.Length) > 0 ? 1 : 0;
                private static int Recurse(int n) => Recurse(n + 1) + 1;
            }
            """);
        var error = Assert.Throws<LabelforgeException>(() => LabelingFunctionApplier.Apply(set, Documents(3), cancellationToken: Ct));
        Assert.Contains("ended their worker process", error.Message, StringComparison.Ordinal);
        Assert.Contains("stack overflow", error.Message, StringComparison.Ordinal);
        var fine = Set("public static class G { public static int One(LabelingFunctionDocument d) => 1; }");
        Assert.Equal(1, LabelingFunctionApplier.Apply(fine, Documents(3), cancellationToken: Ct).Matrix.Row(2)[0]);
    }

    [Fact]
    public void An_endless_loop_is_killed_at_the_run_time_limit()
    {
        var set = Set("""
            public static class F
            {
                public static int Spin(LabelingFunctionDocument d) { var n = 0L; while (d.Text.Length > 0) n++; return (int)n; }
            }
            """);
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<LabelforgeException>(() =>
            LabelingFunctionApplier.Apply(set, Documents(2), new LabelingFunctionApplyOptions { TimeLimit = TimeSpan.FromSeconds(2) }, cancellationToken: Ct));
        Assert.Contains("time limit of 2 s", error.Message, StringComparison.Ordinal);
        // The worker was killed, not left spinning: a new run on a fresh worker completes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60));
        var fine = Set("public static class G { public static int One(LabelingFunctionDocument d) => 1; }");
        Assert.Equal(1, LabelingFunctionApplier.Apply(fine, Documents(1), cancellationToken: Ct).Matrix.Row(0)[0]);
    }

    [Fact]
    public void Cancelling_the_caller_stops_the_worker()
    {
        var set = Set("public static class F { public static int Spin(LabelingFunctionDocument d) { while (d.Text.Length > 0) { } return 0; } }");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromSeconds(1));
        Assert.ThrowsAny<OperationCanceledException>(() => LabelingFunctionApplier.Apply(set, Documents(2), cancellationToken: cancel.Token));
    }

    [Fact]
    public void Memory_beyond_the_limit_fails_in_the_worker_not_in_this_process()
    {
        var set = Set("""
            public static class F
            {
                public static int Hog(LabelingFunctionDocument d)
                {
                    var keep = new List<int[]>();
                    while (true) keep.Add(new int[1 << 20]);
                }
            }
            """);
        var options = new LabelingFunctionApplyOptions { Worker = new CSharpWorkerLimits { MemoryBytes = 128L << 20 } };
        try
        {
            var result = LabelingFunctionApplier.Apply(set, Documents(1), options, cancellationToken: Ct);
            Assert.Equal(1, result.Faults[0]);
            Assert.Contains("OutOfMemoryException", result.FirstFaults[0], StringComparison.Ordinal);
        }
        catch (LabelforgeException error)
        {
            Assert.Contains("MB in their worker process", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_worker_starts_with_an_empty_environment_in_an_empty_folder()
    {
        Environment.SetEnvironmentVariable("LABELFORGE_SECRET_FOR_TEST", "s3cret");
        try
        {
            var start = CSharpWorkerProcess.StartInfo("/opt/dotnet/dotnet", "/app/worker.dll", "/tmp/lf-x", "/tmp/lf-x/worker.runtimeconfig.json");
            Assert.Equal("/tmp/lf-x", start.WorkingDirectory);
            Assert.Equal(["DOTNET_CLI_TELEMETRY_OPTOUT", "DOTNET_EnableDiagnostics", "DOTNET_ROOT", "HOME", "TMPDIR"], start.Environment.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("/opt/dotnet", start.Environment["DOTNET_ROOT"]);
            Assert.Equal(["exec", "--runtimeconfig", "/tmp/lf-x/worker.runtimeconfig.json", "/app/worker.dll"], start.ArgumentList);
        }
        finally
        {
            Environment.SetEnvironmentVariable("LABELFORGE_SECRET_FOR_TEST", null);
        }
    }
}
