using System.Globalization;
using System.Text.Json;
using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Engine.Tests.WeakSupervision;

/// <summary>Reads a WRENCH split ({"id": {"label", "weak_labels", "data"}}) into a label matrix and gold, in id order.</summary>
internal static class WrenchSet
{
    public static (LabelMatrix Matrix, int[] Gold) Read(string dataset, string split)
    {
        var path = Path.Combine(TestPaths.Datasets, dataset, "wrench", split + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var rows = new List<int[]>();
        var gold = new List<int>();
        foreach (var item in document.RootElement.EnumerateObject().OrderBy(p => int.Parse(p.Name, CultureInfo.InvariantCulture)))
        {
            rows.Add([.. item.Value.GetProperty("weak_labels").EnumerateArray().Select(e => e.GetInt32())]);
            gold.Add(item.Value.GetProperty("label").GetInt32());
        }
        return (LabelMatrix.FromRows(rows), [.. gold]);
    }
}
