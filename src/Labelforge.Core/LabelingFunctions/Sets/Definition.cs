using YamlDotNet.RepresentationModel;

namespace Labelforge.Core.LabelingFunctions.Sets;

/// <summary>One function mapping being parsed: its name, kind, the set's labels and helpers to report problems.</summary>
internal sealed record Definition(YamlMappingNode Map, string Name, string Kind, IReadOnlyList<string> Labels, LabelingFunctionParseContext Context)
{
    /// <summary>Reports a problem at <paramref name="key"/> (or the mapping) and returns null for the caller to return.</summary>
    public LabelingFunction? Fail(string? key, string message)
    {
        var node = key is null ? null : LabelingFunctionParseContext.Child(Map, key);
        Context.Error(node ?? Map, $"function '{Name}' ({Kind}): {message}");
        return null;
    }

    /// <summary>The `label:` as an index into the set's labels, or null after reporting why not.</summary>
    public int? Label()
    {
        var text = Context.Scalar(Map, "label");
        if (text is null)
        {
            Fail(null, $"needs `label:`, one of {string.Join(", ", Labels)}");
            return null;
        }
        for (var i = 0; i < Labels.Count; i++)
        {
            if (string.Equals(Labels[i], text, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        Fail("label", $"unknown label '{text}'; use one of {string.Join(", ", Labels)} or add it to `labels:`");
        return null;
    }

    /// <summary>Fingerprint over the kind, the label space, the `label:` and the kind's settings.</summary>
    public string Fingerprint(params string?[] settings) =>
        LabelingFunctionFingerprint.Of([Kind, string.Join('\u001f', Labels), Context.Scalar(Map, "label"), .. settings]);
}
