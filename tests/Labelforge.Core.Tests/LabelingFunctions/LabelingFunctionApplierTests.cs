using Labelforge.Core.LabelingFunctions;
using Labelforge.Core.LabelingFunctions.Functions;
using Labelforge.Core.LabelingFunctions.Sets;
using Labelforge.Engine;

namespace Labelforge.Core.Tests.LabelingFunctions;

public class LabelingFunctionApplierTests
{
    private static LabelingFunctionSet Set(string functions) =>
        LabelingFunctionSetLoader.LoadText("labels: [ham, spam]\nfunctions:\n" + functions, "set.yaml", Path.GetTempPath()).Set!;

    private const string Two = """
          - {name: free, kind: keyword, keywords: [free], label: spam}
          - {name: thanks, kind: regex, pattern: '(?i)thanks', label: ham}

        """;

    private static IEnumerable<LabelingFunctionDocument> Docs(int n) =>
        Enumerable.Range(0, n).Select(i => new LabelingFunctionDocument(i % 3 == 0 ? "FREE stuff" : i % 3 == 1 ? "thanks!" : "nothing"));

    [Fact]
    public void Chunked_parallel_application_matches_row_by_row_application()
    {
        var set = Set(Two);
        var result = LabelingFunctionApplier.Apply(set, Docs(1000), new LabelingFunctionApplyOptions { ChunkSize = 97 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1000, result.Matrix.Rows);
        var docs = Docs(1000).ToList();
        for (var i = 0; i < docs.Count; i++)
        {
            for (var j = 0; j < 2; j++)
                Assert.Equal(set.Functions[j].Apply(docs[i]), result.Matrix[i, j]);
        }
    }

    [Fact]
    public void Reading_ahead_gives_the_same_matrix_and_the_reader_s_own_error()
    {
        var set = Set(Two);
        var ct = TestContext.Current.CancellationToken;
        var plain = LabelingFunctionApplier.Apply(set, Docs(1000), new LabelingFunctionApplyOptions { ChunkSize = 97 }, cancellationToken: ct);
        var ahead = LabelingFunctionApplier.Apply(set, Docs(1000), new LabelingFunctionApplyOptions { ChunkSize = 97, ReadAhead = true }, cancellationToken: ct);
        Assert.Equal(plain.Matrix.Cells, ahead.Matrix.Cells);

        static IEnumerable<LabelingFunctionDocument> Broken()
        {
            foreach (var doc in Docs(300))
                yield return doc;
            throw new LabelingFunctionInputException("docs.csv", 301, "bad row");
        }
        var error = Assert.Throws<LabelingFunctionInputException>(() =>
            LabelingFunctionApplier.Apply(set, Broken(), new LabelingFunctionApplyOptions { ChunkSize = 97, ReadAhead = true }, cancellationToken: ct));
        Assert.Equal(301, error.Line);
    }

    [Fact]
    public void A_throwing_function_abstains_and_counts_faults_while_the_run_goes_on()
    {
        var set = Set("""
              - name: fragile
                kind: csharp
                code: |
                  public static class F { public static int Long(LabelingFunctionDocument d) => d.Text.Length > 5 ? 1 : throw new FormatException("too short"); }
              - {name: free, kind: keyword, keywords: [free], label: spam}

            """);
        var result = LabelingFunctionApplier.Apply(set, [new LabelingFunctionDocument("free!!"), new LabelingFunctionDocument("free"), new LabelingFunctionDocument("x")], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([2L, 0L], result.Faults);
        Assert.Contains("too short", result.FirstFaults[0], StringComparison.Ordinal);
        Assert.Equal(1, result.Matrix[0, 0]);
        Assert.Equal(LabelIndex.Abstain, result.Matrix[1, 0]);
        Assert.Equal(1, result.Matrix[1, 1]);
    }

    [Fact]
    public void Incremental_run_reapplies_only_changed_functions_on_old_rows()
    {
        var first = LabelingFunctionApplier.Apply(Set(Two), Docs(30), cancellationToken: TestContext.Current.CancellationToken);
        // Poison the stored column of the unchanged function: if it were re-applied the poison would vanish.
        first.Matrix[0, 0] = 0;
        var edited = Set("""
              - {name: free, kind: keyword, keywords: [free], label: spam}
              - {name: thanks, kind: regex, pattern: '(?i)nothing', label: ham}

            """);
        var second = LabelingFunctionApplier.Apply(edited, Docs(40), previous: new LabelingFunctionPreviousResult(first.Matrix, first.Fingerprints), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, second.ReusedFunctions);
        Assert.Equal(10, second.NewItems);
        Assert.Equal(0, second.Matrix[0, 0]);
        Assert.Equal(1, second.Matrix[30, 0]);
        Assert.Equal(0, second.Matrix[2, 1]);
        Assert.Equal(LabelIndex.Abstain, second.Matrix[1, 1]);
    }

    [Fact]
    public void Incremental_run_reapplies_a_changed_csharp_function_on_old_rows_and_every_function_on_new_rows()
    {
        const string Before = """
              - {name: free, kind: keyword, keywords: [free], label: spam}
              - name: cs
                kind: csharp
                code: |
                  public static class F { public static int Same(LabelingFunctionDocument d) => d.Text.StartsWith("thanks") ? 0 : -1; }
              - name: cs2
                kind: csharp
                code: |
                  public static class G { public static int Edited(LabelingFunctionDocument d) => 1; }

            """;
        var ct = TestContext.Current.CancellationToken;
        var first = LabelingFunctionApplier.Apply(Set(Before), Docs(30), new LabelingFunctionApplyOptions { ChunkSize = 7 }, cancellationToken: ct);
        Assert.Equal(["free", "cs.Same", "cs2.Edited"], first.Names);
        // Poison the unchanged C# column: re-applying it would overwrite the poison.
        first.Matrix[1, 1] = 1;
        var edited = Set(Before.Replace("=> 1;", "=> d.Text == \"nothing\" ? 0 : -1;", StringComparison.Ordinal));
        var second = LabelingFunctionApplier.Apply(edited, Docs(40), new LabelingFunctionApplyOptions { ChunkSize = 7 },
            new LabelingFunctionPreviousResult(first.Matrix, first.Fingerprints), ct);
        Assert.Equal(2, second.ReusedFunctions);
        Assert.Equal(1, second.Matrix[1, 1]);
        Assert.Equal(0, second.Matrix[31, 1]);
        for (var i = 0; i < 40; i++)
            Assert.Equal(i % 3 == 2 ? 0 : LabelIndex.Abstain, second.Matrix[i, 2]);
    }
}
