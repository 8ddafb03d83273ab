namespace Labelforge.Tests;

/// <summary>
/// Label names real taxonomies hold that collide with path and list syntax or with file formats: separators,
/// quotes, backslashes, emoji, other scripts. Tests take them through create, import, label, export and re-import.
/// </summary>
internal static class AwkwardLabelNames
{
    public static readonly string[] All =
    [
        "World", "Sci/Tech", "N/A", "yes/no", "Input/Output", "24/7",
        "Health, Fitness", "rock 'n' roll", "the \"best\"", @"C:\temp", @"ends\", @"a\/b", "pipe|line", @"\|",
        "a/b|c,d\\e", "🚀 launch", "体育", "رياضة", "ＳＰＡＭ", "tab-free; semi;colon", "{\"json\": [1]}", "<b>&amp;</b>",
    ];
}
