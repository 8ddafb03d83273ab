using Labelforge.Core.Annotations;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Tests;

/// <summary>Builds import entries in memory, so operation tests don't depend on file readers.</summary>
internal static class Seed
{
    public static ImportEntry Row(long line, string text, string? id = null, params string[] labels) =>
        ImportEntry.Ok(new ImportRecord("mem.jsonl", line, id, text,
            System.Text.Json.JsonSerializer.Serialize(new { text, id }),
            labels.Length == 0 ? [] : [new ImportedAnnotation(null, AnnotationKind.Import, labels)]));

    public static ImportEntry Bad(long line, string message) =>
        ImportEntry.Bad(new ImportError("mem.jsonl", line, "text", message));

#pragma warning disable CS1998 // an async iterator over in-memory rows needs no await
    public static async IAsyncEnumerable<ImportEntry> Stream(IEnumerable<ImportEntry> entries)
    {
        foreach (var e in entries)
            yield return e;
    }
#pragma warning restore CS1998

    public static async Task<ImportReport> ImportAsync(TestDb t, long projectId, ImportOptions? options = null, params ImportEntry[] entries) =>
        await t.Get<ImportOperations>().ImportAsync(projectId, "mem.jsonl", ImportFormat.Jsonl, Stream(entries),
            options ?? new ImportOptions(), ct: TestContext.Current.CancellationToken);

    public static async Task<long[]> ItemsAsync(TestDb t, long projectId, int count)
    {
        await ImportAsync(t, projectId, null, Enumerable.Range(1, count).Select(i => Row(i, $"item number {i}", $"id-{i}")).ToArray());
        return t.Db.Items.Where(i => i.ProjectId == projectId).OrderBy(i => i.Id).Select(i => i.Id).ToArray();
    }
}
