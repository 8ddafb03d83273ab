namespace Labelforge.Core.Taxonomy;

/// <summary>Life of a label. Only <see cref="Active"/> labels take new annotations.</summary>
public enum LabelStatus
{
    Active,
    Deprecated,
    Merged,
    Split,
}
