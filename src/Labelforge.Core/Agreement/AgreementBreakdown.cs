namespace Labelforge.Core.Agreement;

/// <summary>How <see cref="AgreementOperations"/> splits a project's answers into groups (CLI <c>--by</c>, REST <c>by</c>).</summary>
public enum AgreementBreakdown
{
    /// <summary>One-vs-rest per label: "this label" against "any other", over all answers.</summary>
    Label,

    /// <summary>Per annotator pair, over the items both labeled.</summary>
    Annotator,

    /// <summary>Per ISO week of the annotation time.</summary>
    Week,

    /// <summary>Per guideline version the annotations were made under.</summary>
    GuidelineVersion,

    /// <summary>Per taxonomy version the annotations were made under.</summary>
    TaxonomyVersion,
}
