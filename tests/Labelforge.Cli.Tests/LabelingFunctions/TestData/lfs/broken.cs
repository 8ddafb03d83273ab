using Labelforge.Core.LabelingFunctions;

public static class Broken
{
    public static int oops(LfDocument doc)
    {
        return doc.Txet.Length;
    }
}
