using System.Text;
using Labelforge.Core.Annotations;
using Labelforge.Core.Erasure;
using Labelforge.Core.Export;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Items;
using Labelforge.Core.Tests.Models;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Erasure;

/// <summary>
/// The erasure's promise checked on the bytes: after erasing an item, neither the database file, nor its WAL, nor its
/// shared-memory file, nor any export holds its text, a field of its document or its external id, as UTF-8 or UTF-16.
/// </summary>
public class ErasureFileTraceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string SecretText = "Quirinalis Zebedee-Marchetti 0171 5553 9921";
    private const string SecretField = "lives at 17 Vondelstraat Hoogezand";
    private const string SecretId = "patient-Xq7Rk2Lm";

    private static readonly string[] Secrets = [SecretText, SecretField, SecretId];

    [Fact]
    public async Task No_file_of_the_database_and_no_export_keeps_an_erased_item()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        // Enough other rows that the item's pages split and move during the import, as in a real project.
        var filler = Enumerable.Range(1, 3000).Select(i => Seed.Row(i, $"ordinary message number {i} about nothing in particular", $"f-{i}", i % 2 == 0 ? "ham" : "spam"));
        var secret = ImportEntry.Ok(new ImportRecord("mem.jsonl", 5000, SecretId, SecretText,
            System.Text.Json.JsonSerializer.Serialize(new { text = SecretText, id = SecretId, note = SecretField }),
            [new ImportedAnnotation(null, AnnotationKind.Import, ["spam"])]));
        await Seed.ImportAsync(t, p.Id, null, [.. filler.Take(1500), secret, .. filler.Skip(1500)]);
        await ItemSearchIndex.CatchUpAsync(t.Store.CreateDb, Ct);
        var itemId = await t.Db.Items.Where(i => i.ExternalId == SecretId).Select(i => i.Id).SingleAsync(Ct);
        await t.Get<AnnotationOperations>().SubmitAsync(p.Id, new NewAnnotation(itemId, "alice", AnnotationKind.Human, Labels: ["ham"]), Ct);
        var model = await ModelFixtures.VersionAsync(t, p.Id, through: long.MaxValue);
        await t.Db.ModelVersions.Where(m => m.Id == model.Id) // a vocabulary holding the item's words, as a text model's would
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Blob, Encoding.UTF8.GetBytes("vocab:" + SecretText)), Ct);
        var before = await ExportsAsync(t, p.Id);
        foreach (var secretText in Secrets)
        {
            Assert.Contains(before, e => Holds(e.Bytes, secretText)); // the checks below can fail
        }
        Assert.True(Holds(DatabaseFiles(t.Path), SecretText));

        var result = await t.Get<ErasureOperations>().EraseAsync(p.Id, new EraseRequest(ExternalId: SecretId, Reason: "subject access request 4"), Ct);

        Assert.Equal(new ErasureCleanup(true, true, true), result.StoreCleanup);
        Assert.Equal(1, result.ModelsWithdrawn);
        foreach (var (name, bytes) in DatabaseFileContents(t.Path))
        {
            foreach (var secretText in Secrets)
            {
                Assert.False(Holds(bytes, secretText), $"{name} still holds '{secretText}'");
            }
        }
        foreach (var (name, bytes) in await ExportsAsync(t, p.Id))
        {
            foreach (var secretText in Secrets)
            {
                Assert.False(Holds(bytes, secretText), $"the {name} export still holds '{secretText}'");
            }
        }
        Assert.Equal(3000, await t.Db.Items.CountAsync(Ct)); // the other rows are all there
        Assert.Empty((await t.Get<ItemOperations>().QueryAsync(p.Id, new ItemQuery(Search: "Zebedee"), Ct)).Items);
    }

    private static bool Holds(byte[] bytes, string text) =>
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

    private static byte[] DatabaseFiles(string path) => [.. DatabaseFileContents(path).SelectMany(f => f.Bytes)];

    // The database, its write-ahead log and its shared-memory index, read while SQLite still has them open.
    private static IEnumerable<(string Name, byte[] Bytes)> DatabaseFileContents(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            if (!File.Exists(file))
                continue;
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            yield return (Path.GetFileName(file), copy.ToArray());
        }
    }

    // Every export format of a class-label project, with current labels and with history where the format has it.
    private static async Task<List<(string Name, byte[] Bytes)>> ExportsAsync(TestDb t, long projectId)
    {
        var exports = new List<(string, byte[])>();
        foreach (var format in new[] { ExportFormat.Jsonl, ExportFormat.Csv, ExportFormat.Parquet, ExportFormat.LabelStudio })
        {
            foreach (var history in format == ExportFormat.LabelStudio ? [false] : new[] { false, true })
            {
                using var output = new MemoryStream();
                await t.Get<ExportOperations>().WriteAsync(new ExportRequest(projectId, format, history, IncludeModel: true), output, Ct);
                exports.Add(($"{format.ToWire()}{(history ? " history" : "")}", output.ToArray()));
            }
        }
        return exports;
    }
}
