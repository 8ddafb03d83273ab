using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Items;

namespace Labelforge.Core.Tests.Items;

public class ItemOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_search_and_filters_combine()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var items = await Seed.ItemsAsync(t, p.Id, 25);
        var ann = t.Get<AnnotationOperations>();
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Labels: ["spam"]), Ct);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[1], "bob", Labels: ["ham"]), Ct);
        var ops = t.Get<ItemOperations>();

        var page2 = await ops.QueryAsync(p.Id, new ItemQuery(Page: 2, PageSize: 10), Ct);
        Assert.Equal((25L, 10), (page2.Total, page2.Items.Count));
        Assert.Equal(items[10], page2.Items[0].Id);
        Assert.Equal(7, (await ops.QueryAsync(p.Id, new ItemQuery(Search: "number 2"), Ct)).Total); // 2 and 20..25
        Assert.Equal([items[0]], (await ops.QueryAsync(p.Id, new ItemQuery(Label: "spam"), Ct)).Items.Select(i => i.Id));
        Assert.Equal([items[1]], (await ops.QueryAsync(p.Id, new ItemQuery(Author: "bob"), Ct)).Items.Select(i => i.Id));
        Assert.Equal(23, (await ops.QueryAsync(p.Id, new ItemQuery(Unlabeled: true), Ct)).Total);
        Assert.Equal(0, (await ops.QueryAsync(p.Id, new ItemQuery(Search: "100%"), Ct)).Total);
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "page size between 1 and 1000", () => ops.QueryAsync(p.Id, new ItemQuery(PageSize: 0), Ct));
    }

    [Fact]
    public async Task Get_returns_the_document_and_current_labels()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var item = (await Seed.ItemsAsync(t, p.Id, 1))[0];
        await t.Get<AnnotationOperations>().SubmitAsync(p.Id, new NewAnnotation(item, "alice", Labels: ["spam"]), Ct);
        var view = await t.Get<ItemOperations>().GetAsync(p.Id, item, ct: Ct);
        Assert.Equal("item number 1", view.Data.GetProperty("text").GetString());
        Assert.Equal(["spam"], view.Labels);
        Assert.Equal("id-1", view.ExternalId);
    }
}
