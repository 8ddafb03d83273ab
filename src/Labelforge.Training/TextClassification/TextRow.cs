using Microsoft.ML;

namespace Labelforge.Training.TextClassification;

/// <summary>The ML.NET row; <see cref="ClassIndex"/> becomes the key label through a fixed 0..k-1 key table.</summary>
internal sealed class TextRow
{
    public string Text { get; set; } = "";

    public uint ClassIndex { get; set; }

    public float Weight { get; set; } = 1;

    public static IDataView Load(MLContext ml, TextExamples examples)
    {
        var rows = new TextRow[examples.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new TextRow
            {
                Text = examples.Texts[i] ?? "",
                ClassIndex = (uint)examples.Labels[i],
                Weight = examples.Weights?[i] ?? 1f,
            };
        }
        return ml.Data.LoadFromEnumerable(rows);
    }

    /// <summary>All class indices in order, so key slot j is class j even when a class is absent from the training rows.</summary>
    public static IDataView KeyTable(MLContext ml, int classCount) =>
        ml.Data.LoadFromEnumerable(Enumerable.Range(0, classCount).Select(j => new ClassRow { ClassIndex = (uint)j }));

    private sealed class ClassRow
    {
        public uint ClassIndex { get; set; }
    }
}
