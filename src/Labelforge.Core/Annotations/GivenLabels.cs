using Labelforge.Core.Data;

namespace Labelforge.Core.Annotations;

/// <summary>
/// The one definition of an item's current given label: its latest annotation of a <see cref="AnnotationKinds.Given"/>
/// kind (a person's, an imported one, or a reviewer's), whoever wrote it. Training, label-error detection and review,
/// auto-accept evidence and the LF analysis all start from this query.
/// </summary>
public static class GivenLabels
{
    /// <summary>
    /// Per item of the project, its latest given annotation as of annotation <paramref name="through"/> (a trainer's
    /// starting point, so a label written meanwhile is not half-seen); all annotations when null.
    /// </summary>
    public static IQueryable<Annotation> Latest(LabelforgeDb db, long projectId, long? through = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var given = AnnotationKinds.Given;
        var last = through ?? long.MaxValue;
        return db.Annotations.Where(a => a.ProjectId == projectId && given.Contains(a.Kind) && a.Id <= last
            && !db.Annotations.Any(b => b.ItemId == a.ItemId && given.Contains(b.Kind) && b.Id > a.Id && b.Id <= last));
    }
}
