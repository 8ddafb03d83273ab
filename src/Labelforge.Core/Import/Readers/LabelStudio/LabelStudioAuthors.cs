namespace Labelforge.Core.Import.Readers.LabelStudio;

/// <summary>How Label Studio annotators are named as Labelforge authors, shared by the Label Studio reader and writer.</summary>
public static class LabelStudioAuthors
{
    /// <summary>Prefix of authors that came from Label Studio: "labelstudio:7" is Label Studio user 7.</summary>
    public const string Prefix = "labelstudio:";

    /// <summary>After <see cref="Prefix"/> for an annotation with no completed_by: "labelstudio:annotation-12" is annotation 12's unknown author.</summary>
    public const string AnnotationPrefix = "annotation-";
}
