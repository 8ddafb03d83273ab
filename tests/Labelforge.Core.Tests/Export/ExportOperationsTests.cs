using Microsoft.EntityFrameworkCore;
using Labelforge.Core.Annotations;
using Labelforge.Core.Export;
using Labelforge.Core.Export.Writers;
using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Tests.Export;

public class ExportOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Items_carry_current_labels_per_author_with_merges_resolved()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("e", false, "cat", "kitten", "dog");
        var items = await Seed.ItemsAsync(t, p.Id, 3);
        var ann = t.Get<AnnotationOperations>();
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Labels: ["dog"]), Ct);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Labels: ["kitten"]), Ct);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "bob", Labels: ["cat"]), Ct);
        await t.Get<TaxonomyOperations>().MergeAsync(p.Id, ["cat", "kitten"], "feline", ct: Ct);

        var exported = new List<ExportItem>();
        await foreach (var item in t.Get<ExportOperations>().ItemsAsync(p.Id, ct: Ct))
            exported.Add(item);
        Assert.Equal(3, exported.Count);
        Assert.Equal(["feline"], exported[0].Labels);
        Assert.Equal(["alice", "bob"], exported[0].ByAuthor.Select(a => a.Author));
        Assert.Empty(exported[1].Labels);
        Assert.Equal("item number 2", exported[1].Text);
    }

    [Fact]
    public async Task Authors_come_in_the_order_of_their_current_annotations()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var items = await Seed.ItemsAsync(t, p.Id, 2);
        var ann = t.Get<AnnotationOperations>();
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "zed", Labels: ["spam"]), Ct);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "adam", Labels: ["ham"]), Ct);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "mia", Labels: ["spam"]), Ct);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "adam", Labels: ["ham"]), Ct);

        var exported = new List<ExportItem>();
        await foreach (var item in t.Get<ExportOperations>().ItemsAsync(p.Id, ct: Ct))
            exported.Add(item);
        // Not by name: zed's current annotation is the oldest, adam's (his second) the newest.
        Assert.Equal(["zed", "mia", "adam"], exported[0].ByAuthor.Select(a => a.Author));
        Assert.Equal(["spam", "ham"], exported[0].Labels);
        Assert.Empty(exported[1].ByAuthor);
    }

    [Fact]
    public async Task Annotations_of_another_project_between_the_items_stay_out()
    {
        await using var t = await TestDb.CreateAsync();
        var a = await t.ProjectAsync("a");
        var b = await t.ProjectAsync("b");
        // Ids interleave: b's items lie inside a's id range, and only b's carry labels.
        await Seed.ImportAsync(t, a.Id, null, Seed.Row(1, "a one", "a1"));
        await Seed.ImportAsync(t, b.Id, null, Seed.Row(1, "b one", "b1", "spam"), Seed.Row(2, "b two", "b2", "ham"));
        await Seed.ImportAsync(t, a.Id, null, Seed.Row(1, "a two", "a2", "ham"));
        var ops = t.Get<ExportOperations>();

        var inA = new List<ExportItem>();
        await foreach (var item in ops.ItemsAsync(a.Id, ct: Ct))
            inA.Add(item);
        var inB = new List<ExportItem>();
        await foreach (var item in ops.ItemsAsync(b.Id, ct: Ct))
            inB.Add(item);

        Assert.Equal(["a one", "a two"], inA.Select(i => i.Text));
        Assert.Equal([[], ["ham"]], inA.Select(i => i.Labels));
        Assert.Equal([["spam"], ["ham"]], inB.Select(i => i.Labels));
        Assert.All(inB, i => Assert.Single(i.ByAuthor));
    }

    [Fact]
    public async Task The_store_reader_gives_the_bytes_the_generic_reader_gives()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, "café ☕ 😀 \"q\"\n", "é1"), Seed.Row(2, "", null), Seed.Row(3, "plain", "x3"));
        await t.Db.Database.OpenConnectionAsync(Ct);
        using var store = Labelforge.Core.Data.Utf8RowReaders.Open(t.Db, ExportItemCursor.ItemsSql, p.Id);
        Assert.IsNotType<Labelforge.Core.Data.AdoUtf8RowReader>(store);
        var rows = 0;
        using (var generic = Labelforge.Core.Data.AdoUtf8RowReader.Open(t.Db.Database.GetDbConnection(), ExportItemCursor.ItemsSql, p.Id))
        {
            while (store.Read())
            {
                Assert.True(generic.Read());
                rows++;
                Assert.Equal(generic.GetInt64(0), store.GetInt64(0));
                for (var column = 1; column < 5; column++)
                {
                    Assert.Equal(generic.IsNull(column), store.IsNull(column));
                    Assert.Equal(generic.GetUtf8(column).ToArray(), store.GetUtf8(column).ToArray());
                }
            }
            Assert.False(generic.Read());
        }
        Assert.Equal(3, rows);
    }

    [Fact]
    public async Task Events_list_every_annotation_in_order()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var items = await Seed.ItemsAsync(t, p.Id, 2);
        var ann = t.Get<AnnotationOperations>();
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Labels: ["ham"], TimeSpentMs: 900), Ct);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Labels: ["spam"]), Ct);
        await ann.SubmitAsync(p.Id, new NewAnnotation(items[1], "m", AnnotationKind.Model, Labels: ["spam"],
            Probabilities: new Dictionary<string, double> { ["spam"] = 0.9, ["ham"] = 0.1 }), Ct);
        var events = new List<ExportEvent>();
        await foreach (var e in t.Get<ExportOperations>().EventsAsync(p.Id, Ct))
            events.Add(e);
        Assert.Equal(3, events.Count);
        Assert.Equal(events[0].AnnotationId, events[1].SupersedesId);
        Assert.Equal(900, events[0].TimeSpentMs);
        Assert.Equal(0.9, events[2].Probabilities!["spam"]);
        Assert.Equal("id-1", events[0].ExternalId);
    }
}

/// <summary>
/// JSON Lines exports compose each document from its stored form as UTF-8; the result must be byte for byte what
/// writing the composed <see cref="ExportItem"/>s gives, for awkward texts and for documents stored whole.
/// </summary>
public class JsonlStoredFormExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stored_form_export_equals_the_composed_items_export()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var dir = Path.Combine(Path.GetTempPath(), "lf-jsonl-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, "awkward.jsonl");
            string[] texts =
            [
                "plain", "comma, \"quote\" and\nnewline\ttab", "café ☕ 😀 naïve", "<b>&amp;</b> 'single'", "line\u2028sep \u0001 ctl",
                "back\\slash / slash", "Sci/Tech, N/A", "日本語のテキスト",
            ];
            var lines = texts.Select((text, i) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["before"] = "é" + i, ["id"] = "x" + i, ["text"] = text, ["after"] = new[] { 1, 2 },
            }));
            await File.WriteAllLinesAsync(file, lines, Ct);
            var entries = Labelforge.Core.Import.Readers.ImportReaders.ReadAsync(file, Labelforge.Core.Import.Readers.ImportFormat.Jsonl,
                new Labelforge.Core.Import.Readers.ImportFieldMap(IdField: "id"), Labelforge.Core.Import.Readers.ImportReaderOptions.Default, Ct);
            await t.Get<Labelforge.Core.Import.ImportOperations>().ImportAsync(p.Id, file, Labelforge.Core.Import.Readers.ImportFormat.Jsonl,
                entries, new Labelforge.Core.Import.ImportOptions(), ct: Ct);
            // Rows stored whole (no text slot) take the other branch.
            await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, "whole \"doc\" ☕", "w1", "spam"));
            var ann = t.Get<AnnotationOperations>();
            var first = t.Db.Items.Where(i => i.ProjectId == p.Id).OrderBy(i => i.Id).Select(i => i.Id).First();
            await ann.SubmitAsync(p.Id, new NewAnnotation(first, "alice", Labels: ["ham"]), Ct);
            Assert.Contains(t.Db.Items, i => i.ProjectId == p.Id && i.TextSlot != null);
            Assert.Contains(t.Db.Items, i => i.ProjectId == p.Id && i.TextSlot == null);

            using var stored = new MemoryStream();
            var rows = await t.Get<ExportOperations>().WriteAsync(new ExportRequest(p.Id, ExportFormat.Jsonl, false), stored, Ct);
            using var composed = new MemoryStream();
            await ExportWriters.WriteItemsAsync(composed, ExportFormat.Jsonl, t.Get<ExportOperations>().ItemsAsync(p.Id, ct: Ct), ExportOptions.Default, Ct);

            Assert.Equal(texts.Length + 1, rows);
            Assert.Equal(System.Text.Encoding.UTF8.GetString(composed.ToArray()), System.Text.Encoding.UTF8.GetString(stored.ToArray()));
            var exported = System.Text.Encoding.UTF8.GetString(stored.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < texts.Length; i++)
            {
                using var line = System.Text.Json.JsonDocument.Parse(exported[i]);
                Assert.Equal(texts[i], line.RootElement.GetProperty("text").GetString());
                Assert.Equal(texts[i], line.RootElement.GetProperty("data").GetProperty("text").GetString());
                Assert.Equal("é" + i, line.RootElement.GetProperty("data").GetProperty("before").GetString());
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
