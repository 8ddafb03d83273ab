namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>The YAML an editor starts from before a set is saved: the project's labels and one example per common kind.</summary>
internal static class LabelingFunctionStarterSet
{
    public static string Yaml(IReadOnlyList<string> labels)
    {
        var first = labels.Count > 0 ? labels[0] : "LABEL_A";
        var second = labels.Count > 1 ? labels[1] : "LABEL_B";
        var list = labels.Count >= 2 ? string.Join(", ", labels.Select(Quote)) : $"{Quote(first)}, {Quote(second)}";
        return $"""
            # Labeling functions: each votes one label on the items it matches, or abstains.
            # Kinds: keyword, regex, lookup, field, csharp (inline `code:`), annotations.
            labels: [{list}]
            functions:
              - name: example_keywords
                kind: keyword
                keywords: [replace, these words]
                label: {Quote(first)}
              - name: example_pattern
                kind: regex
                pattern: 'https?://'
                label: {Quote(second)}

            """;
    }

    private static string Quote(string label) =>
        label.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or ' ') && !label.StartsWith(' ') ? label : "'" + label.Replace("'", "''", StringComparison.Ordinal) + "'";
}
