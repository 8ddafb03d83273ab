using Labelforge.Core.LabelingFunctions;

public static class Fragile
{
    // Fails on texts without a space: the applier must count a fault and go on.
    public static int first_word_is_long(LfDocument doc) =>
        doc.Text.Substring(0, doc.Text.IndexOf(' ')).Length > 5 ? 1 : -1;
}
