using Labelforge.Core.Agreement;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Projects;

namespace Labelforge.Core.Tests.Agreement;

public class SpanAgreementOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Annotators_current_spans_give_exact_and_partial_f1_per_label()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.Get<ProjectOperations>().CreateAsync(new NewProject("ner", TaskTypes.TextSpans, Labels: ["person", "location"]), Ct);
        await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, "Ada Lovelace visited New York", "a"), Seed.Row(2, "Bob stayed home", "b"));
        var items = t.Db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToArray();
        var ops = t.Get<AnnotationOperations>();
        async Task SubmitAsync(long item, string who, params NewSpan[] spans) => await ops.SubmitAsync(p.Id, new NewAnnotation(item, who, Spans: spans), Ct);
        await SubmitAsync(items[0], "alice", new NewSpan(0, 12, Label: "person"), new NewSpan(21, 29, Label: "location"));
        // bob first marks only "Ada", then corrects it: only his current annotation counts.
        await SubmitAsync(items[0], "bob", new NewSpan(0, 3, Label: "person"));
        await SubmitAsync(items[0], "bob", new NewSpan(0, 12, Label: "person"), new NewSpan(25, 29, Label: "location"));
        await SubmitAsync(items[1], "alice", new NewSpan(0, 3, Label: "person"));
        await SubmitAsync(items[1], "bob");

        var report = await t.Get<SpanAgreementOperations>().ComputeAsync(p.Id, Ct);
        Assert.Equal(["alice", "bob"], report.Annotators);
        Assert.Equal((2, 2L), (report.Items, report.ComparedPairs));
        Assert.Equal(new SpanLabelAgreement("person", 3, 1, 1, 0.666667, 0.666667), report.PerLabel[0]);
        Assert.Equal(new SpanLabelAgreement("location", 2, 0, 1, 0, 1), report.PerLabel[1]);
        Assert.Equal(new SpanLabelAgreement(null, 5, 1, 2, 0.4, 0.8), report.Overall);
    }

    [Fact]
    public async Task A_classification_project_is_refused()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "span agreement needs a text-spans project",
            () => t.Get<SpanAgreementOperations>().ComputeAsync(p.Id, Ct));
    }
}
