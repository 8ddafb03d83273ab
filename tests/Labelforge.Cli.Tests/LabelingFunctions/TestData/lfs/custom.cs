using Labelforge.Core.LabelingFunctions;

public static class CustomLfs
{
    // Shouting is a spam signal.
    public static string? all_caps(LabelingFunctionDocument doc) =>
        doc.Text.Length > 8 && doc.Text.ToUpperInvariant() == doc.Text ? "spam" : null;

    public static int short_text(LabelingFunctionDocument doc) => doc.Text.Length < 12 ? 0 : -1;
}
