using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.LabelingFunctions.Projects;
using Labelforge.Core.LabelingFunctions.Projects.Analysis;

namespace Labelforge.Core.Tests.LabelingFunctions.Projects;

public class LabelingFunctionProjectOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Rules = """
        labels: [ham, spam]
        functions:
          - name: has_link
            kind: regex
            pattern: 'https?://'
            label: spam
          - name: says_thanks
            kind: keyword
            keywords: [thanks, love]
            label: ham
        """;

    private static async Task<(TestDb Db, long Project)> SeedAsync()
    {
        var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await Seed.ImportAsync(t, p.Id, null,
            Seed.Row(1, "visit http://spam.example now", "1"), Seed.Row(2, "thanks, love this song", "2"),
            Seed.Row(3, "nothing to see", "3"), Seed.Row(4, "love it http://x.example", "4"));
        return (t, p.Id);
    }

    [Fact]
    public async Task Apply_versions_the_set_and_stores_probabilistic_labels_on_covered_items()
    {
        var (t, project) = await SeedAsync();
        await using var _ = t;
        var ops = t.Get<LabelingFunctionProjectOperations>();
        var first = await ops.ApplyAsync(project, "rules", Rules, "rules.yaml", ".", ct: Ct);
        Assert.Equal((1, true, "lf:rules@1"), (first.Version, first.NewVersion, first.Author));
        Assert.Equal(3, first.Annotations); // item 3 is not covered
        Assert.Equal(0.75, first.Analysis.Coverage, 6);
        var stored = t.Db.Annotations.Where(a => a.Author == "lf:rules@1").ToList();
        Assert.All(stored, a => Assert.Equal(AnnotationKind.Programmatic.ToWire(), a.Kind));
        Assert.All(stored, a => Assert.NotNull(a.ProbabilitiesJson));

        var again = await ops.ApplyAsync(project, "rules", Rules, "rules.yaml", ".", ct: Ct);
        Assert.Equal((1, false, 2, 0L), (again.Version, again.NewVersion, again.ReusedFunctions, again.Annotations));

        await Seed.ImportAsync(t, project, null, Seed.Row(5, "thanks friend", "5"));
        var changed = await ops.ApplyAsync(project, "rules", Rules.Replace("[thanks, love]", "[thanks]", StringComparison.Ordinal), "rules.yaml", ".", ct: Ct);
        Assert.Equal((2, 1, 1), (changed.Version, changed.ReusedFunctions, changed.NewItems));
        Assert.Equal(2, (await ops.VersionsAsync(project, "rules", Ct)).Count);
    }

    [Fact]
    public async Task Imported_and_reviewed_labels_are_gold_for_function_accuracy()
    {
        await using var t = await TestDb.CreateAsync();
        var project = (await t.ProjectAsync()).Id;
        // A labeled dev set comes in by import; a reviewer then corrects one of its labels.
        await Seed.ImportAsync(t, project, null,
            Seed.Row(1, "visit http://spam.example now", "1", "spam"), Seed.Row(2, "thanks, love this song", "2", "ham"),
            Seed.Row(3, "nothing to see", "3"), Seed.Row(4, "love it http://x.example", "4", "ham"));
        var item4 = t.Db.Items.Single(i => i.ExternalId == "4").Id;
        await t.Get<AnnotationOperations>().SubmitAsync(project, new NewAnnotation(item4, "rita", AnnotationKind.Review, Labels: ["spam"]), Ct);

        await t.Get<LabelingFunctionProjectOperations>().ApplyAsync(project, "rules", Rules, "rules.yaml", ".", ct: Ct);
        var analysis = await t.Get<LabelingFunctionAnalysisOperations>().AnalyzeAsync(project, "rules", Ct);

        Assert.Equal(3, analysis!.HumanLabeled);
        var byName = analysis.Functions.ToDictionary(f => f.Name);
        Assert.Equal((2, 0), (byName["has_link"].Correct, byName["has_link"].Incorrect));       // items 1 and 4 (reviewed: spam)
        Assert.Equal((1, 1), (byName["says_thanks"].Correct, byName["says_thanks"].Incorrect)); // item 2 right, item 4 wrong
    }

    [Fact]
    public async Task Unknown_labels_and_bad_yaml_are_clear_errors_and_write_nothing()
    {
        var (t, project) = await SeedAsync();
        await using var _ = t;
        var ops = t.Get<LabelingFunctionProjectOperations>();
        var unknown = await Assert.ThrowsAsync<LabelforgeException>(() => ops.ApplyAsync(project, "r", Rules.Replace("[ham, spam]", "[ham, eggs]", StringComparison.Ordinal).Replace("label: spam", "label: eggs", StringComparison.Ordinal), "r.yaml", ".", ct: Ct));
        Assert.Contains("'eggs'", unknown.Message, StringComparison.Ordinal);
        var bad = await Assert.ThrowsAsync<LabelforgeException>(() => ops.ApplyAsync(project, "r", "labels: [ham, spam]\nfunctions:\n  - name: x\n    kind: teleport\n", "r.yaml", ".", ct: Ct));
        Assert.Contains("r.yaml:4", bad.Message, StringComparison.Ordinal);
        Assert.Empty(t.Db.LabelingFunctionSetVersions);
        Assert.DoesNotContain(t.Db.Annotations, a => a.Kind == "programmatic");
    }
}
