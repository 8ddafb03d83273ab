using Labelforge.Core.Annotations;
using Labelforge.Core.LabelingFunctions.Projects;
using Labelforge.Core.LabelingFunctions.Projects.Analysis;

namespace Labelforge.Core.Tests.LabelingFunctions.Projects;

/// <summary>Labeling functions on a taxonomy whose names repeat under different parents.</summary>
public class LabelingFunctionSharedLabelNameTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string PathRules = """
        labels: ['Animals/Other', '/Plants/Other']
        functions:
          - name: cats
            kind: keyword
            keywords: [cat]
            label: 'Animals/Other'
          - name: ferns
            kind: keyword
            keywords: [fern]
            label: '/Plants/Other'
          - name: alice
            kind: annotations
            author: alice
        """;

    [Fact]
    public async Task A_set_names_shared_labels_by_path_and_votes_gold_and_annotations_map_to_those_labels()
    {
        await using var t = await TestDb.CreateAsync();
        var (p, ids) = await Taxonomy.SharedLabelNameTests.CreateAsync(t, multiLabel: false);
        await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, "a cat video", "1"), Seed.Row(2, "a fern photo", "2"), Seed.Row(3, "nothing", "3"));
        var items = t.Db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToArray();
        var annotations = t.Get<AnnotationOperations>();
        await annotations.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Labels: ["animals/other"]), Ct);
        await annotations.SubmitAsync(p.Id, new NewAnnotation(items[1], "alice", LabelIds: [ids[4]]), Ct);

        var applied = await t.Get<LabelingFunctionProjectOperations>().ApplyAsync(p.Id, "paths", PathRules, "paths.yaml", ".", ct: Ct);
        Assert.Equal(2, applied.Annotations);
        var votes = t.Db.Annotations.Where(a => a.Author == "lf:paths@1").OrderBy(a => a.ItemId).Select(a => a.LabelIdsJson).ToList();
        Assert.Equal([$"[{ids[3]}]", $"[{ids[4]}]"], votes);
        var analysis = await t.Get<LabelingFunctionAnalysisOperations>().AnalyzeAsync(p.Id, "paths", Ct);
        var byName = analysis!.Functions.ToDictionary(f => f.Name);
        Assert.Equal((1, 0), (byName["cats"].Correct, byName["cats"].Incorrect));
        Assert.Equal((1, 0), (byName["ferns"].Correct, byName["ferns"].Incorrect));
        Assert.Equal((2, 0), (byName["alice"].Correct, byName["alice"].Incorrect));
    }

    [Fact]
    public async Task A_bare_name_several_labels_share_is_a_set_problem_naming_their_paths()
    {
        await using var t = await TestDb.CreateAsync();
        var (p, _) = await Taxonomy.SharedLabelNameTests.CreateAsync(t, multiLabel: false);
        var saved = await t.Get<LabelingFunctionProjectOperations>().SaveAsync(p.Id, "bare",
            PathRules.Replace("['Animals/Other', '/Plants/Other']", "[Other, World]", StringComparison.Ordinal)
                .Replace("'Animals/Other'", "Other", StringComparison.Ordinal).Replace("'/Plants/Other'", "World", StringComparison.Ordinal), "bare.yaml", ".", Ct);
        var problem = Assert.Single(saved.Errors);
        Assert.Equal(1, problem.Line);
        Assert.StartsWith("label 'Other' is ambiguous: it means 3 labels ('/Other', 'Animals/Other', '/Plants/Other')", problem.Message, StringComparison.Ordinal);
        Assert.Empty(t.Db.LabelingFunctionSetVersions);
    }
}
