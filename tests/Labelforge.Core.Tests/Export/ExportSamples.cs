using Labelforge.Core.Export;
using Labelforge.Core.Export.Writers;

namespace Labelforge.Core.Tests.Export;

/// <summary>Items and events with the awkward content exports must survive: commas, quotes, newlines, non-ASCII.</summary>
internal static class ExportSamples
{
    public static readonly ExportItem[] Items =
    [
        new(1, "a-1", "plain text", """{"text":"plain text","source":"web"}""", ["spam"],
            [new("alice", "human", ["spam"], null), new("model:bert", "model", ["spam"], 0.91)]),
        new(2, null, "comma, \"quote\" and\nnewline", """{"text":"comma, \"quote\" and\nnewline"}""", ["ham", "ads"],
            [new("labelstudio:7", "import", ["ham", "ads"], null)]),
        new(3, "a-3", "café ☕ unlabeled", """{"body":"café ☕ unlabeled","n":3}""", [], []),
    ];

    public static readonly ExportEvent[] Events =
    [
        new(10, 1, "a-1", "alice", "human", ["spam"], null, null, 1, 1500, new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero), null, 9, "accepted"),
        new(11, 1, "a-1", "model:bert", "model", ["spam"], 0.91, new Dictionary<string, double> { ["spam"] = 0.91, ["ham"] = 0.09 }, 2, null,
            new DateTimeOffset(2026, 11, 28, 4, 30, 0, TimeSpan.FromHours(1)), 10),
    ];

    /// <summary>Many generated items, for row-group and streaming tests.</summary>
    public static IEnumerable<ExportItem> Generate(int count)
    {
        for (var i = 0; i < count; i++)
            yield return new ExportItem(i + 1, $"ext-{i}", $"text number {i}, with a comma", $$"""{"text":"text number {{i}}, with a comma"}""",
                i % 3 == 0 ? [] : ["label" + (i % 4)], [new("bob", "human", ["label" + (i % 4)], null)]);
    }

    public static async Task<string> WriteItemsAsync(ExportFormat format, IEnumerable<ExportItem> items, ExportOptions? options = null)
    {
        using var output = new MemoryStream();
        await ExportWriters.WriteItemsAsync(output, format, items.ToAsyncEnumerable(), options ?? ExportOptions.Default, TestContext.Current.CancellationToken);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}
