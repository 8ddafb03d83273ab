namespace Labelforge.Core.Models;

/// <summary>Wire names of model kinds and the author names of their predictions.</summary>
public static class ModelKinds
{
    /// <summary>ML.NET word and character n-gram features into a linear (maximum-entropy) model.</summary>
    public const string Linear = "linear";

    /// <summary>Sentence embeddings from a packaged MiniLM ONNX model into logistic regression.</summary>
    public const string EmbeddingLinear = "embedding-linear";

    public static IReadOnlyList<string> All { get; } = [Linear, EmbeddingLinear];

    /// <summary>model:NAME@VERSION, the author of a model version's annotations.</summary>
    public static string Author(string name, int version) => $"model:{name}@{version}";

    /// <summary>Parses NAME or NAME@VERSION (version null = the latest).</summary>
    public static (string Name, int? Version) ParseReference(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var at = reference.LastIndexOf('@');
        if (at < 0)
            return (reference.Trim(), null);
        if (!int.TryParse(reference[(at + 1)..], out var version) || version < 1 || at == 0)
            throw Common.LabelforgeException.Invalid($"'{reference}' is not NAME or NAME@VERSION (a version is a whole number from 1).");
        return (reference[..at].Trim(), version);
    }
}
