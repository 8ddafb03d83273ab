using Labelforge.Core.LabelingFunctions;

public static class Broken
{
    public static int oops(LabelingFunctionDocument doc)
    {
        return doc.Txet.Length;
    }
}
