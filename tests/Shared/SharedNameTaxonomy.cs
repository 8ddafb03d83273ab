namespace Labelforge.Tests;

/// <summary>
/// A taxonomy whose labels share names under different parents, as real hierarchical taxonomies do: "Other" three
/// times (top, Animals, Plants), "Sci/Tech" twice, a top-level label named like another's path ("Plants/Other"), and
/// "Sci/Tech" also the path of Sci › Tech. <see cref="Labels"/> lists each label (name, parent's index or -1) in
/// creation order with the text that reads back as it, which exports write.
/// </summary>
internal static class SharedNameTaxonomy
{
    public static readonly (string Name, int Parent, string Reference)[] Labels =
    [
        ("Animals", -1, "Animals"),
        ("Plants", -1, "Plants"),
        ("Other", -1, "/Other"),
        ("Other", 0, "Animals/Other"),
        ("Other", 1, "/Plants/Other"),
        ("Plants/Other", -1, "Plants/Other"),
        ("Sci/Tech", -1, @"Sci\/Tech"),
        ("Sci/Tech", 0, @"Animals/Sci\/Tech"),
        ("Sci", -1, "Sci"),
        ("Tech", 8, "Tech"),
        ("World", -1, "World"),
        (@"a/b|c,d\e", -1, @"a/b|c,d\e"),
    ];

    /// <summary>The references in creation order.</summary>
    public static string[] References => [.. Labels.Select(l => l.Reference)];

    /// <summary>Texts that name several labels, with the references of the labels they name.</summary>
    public static readonly (string Text, string[] Candidates)[] Ambiguous =
    [
        ("Other", ["/Other", "Animals/Other", "/Plants/Other"]),
        ("other", ["/Other", "Animals/Other", "/Plants/Other"]),
        ("Sci/Tech", [@"Sci\/Tech", @"Animals/Sci\/Tech", "Tech"]),
    ];
}
