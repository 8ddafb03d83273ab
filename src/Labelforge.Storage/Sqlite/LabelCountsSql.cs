namespace Labelforge.Storage.Sqlite;

/// <summary>
/// SQLite triggers that keep <c>label_counts</c> exact in the same transaction as every write of labels and
/// annotations. An item counts under the labels of its current given annotation (the latest of kind human, import or
/// review, as <c>GivenLabels.Latest</c> reads it), each resolved through merges (<c>label_counts.ResolvedId</c>, a
/// flattened <c>LabelResolver.Resolve</c>). A given annotation that becomes its item's latest moves the item from the
/// previous latest's labels to its own; one that stops being the latest (deleted, cascades included) moves it back, so
/// imports, relabels, reviews and erasures need no code of their own. Each trigger reads the item's few annotations on
/// the <c>(ItemId, Author, Id)</c> index and the labels' rows by key. A taxonomy merge re-points the source's row and
/// recounts the target from <c>annotation_labels (ProjectId, LabelId, ItemId)</c>: an item can hold both labels (multi-label),
/// so the two counts do not add up; that read is the size of the two labels' use, once per merge.
/// Kind names are the wire names of <c>AnnotationKinds.Given</c> as of this migration; statuses are <c>LabelStatus</c> names.
/// </summary>
internal static class LabelCountsSql
{
    internal const string Given = "('human', 'import', 'review')";

    public static IReadOnlyList<string> TriggerNames { get; } =
        ["labels_counts_insert", "labels_counts_merge", "annotations_counts_labels", "annotations_counts_labels_delete"];

    /// <summary>The resolved labels of the annotation whose id is <paramref name="annotationId"/> (an SQL expression).</summary>
    private static string LabelsOf(string annotationId) =>
        "SELECT c.ResolvedId FROM annotations p, json_each(p.LabelIdsJson) j JOIN label_counts c ON c.LabelId = j.value " +
        $"WHERE p.Id = {annotationId}";

    /// <summary>The item's latest given annotation other than <paramref name="excluded"/> (an SQL expression).</summary>
    internal static string LatestGiven(string row, string excluded) =>
        $"(SELECT MAX(Id) FROM annotations WHERE ItemId = {row}.ItemId AND Kind IN {Given} AND Id <> {excluded})";

    /// <summary>Items whose current given annotation holds a label resolving to the row's label.</summary>
    internal const string Recount =
        "SELECT COUNT(DISTINCT x.ItemId) FROM label_counts m JOIN annotation_labels x ON x.ProjectId = m.ProjectId AND x.LabelId = m.LabelId " +
        "JOIN annotations a ON a.Id = x.AnnotationId " +
        $"WHERE m.ProjectId = label_counts.ProjectId AND m.ResolvedId = label_counts.LabelId AND a.Kind IN {Given} " +
        $"AND NOT EXISTS (SELECT 1 FROM annotations b WHERE b.ItemId = a.ItemId AND b.Kind IN {Given} AND b.Id > a.Id)";

    // Resolves every label through its merge chain (a cycle guard of 1,000 hops, like LabelResolver's).
    private const string Resolve =
        "UPDATE label_counts SET ResolvedId = (WITH RECURSIVE chain(Target, Hops) AS (SELECT label_counts.LabelId, 0 " +
        "UNION ALL SELECT l.MergedIntoId, chain.Hops + 1 FROM chain JOIN labels l ON l.Id = chain.Target " +
        "WHERE l.Status = 'Merged' AND l.MergedIntoId IS NOT NULL AND chain.Hops < 1000) " +
        "SELECT Target FROM chain ORDER BY Hops DESC LIMIT 1);";

    /// <summary>Fills the table from the rows a database already holds.</summary>
    public static IReadOnlyList<string> Backfill { get; } =
    [
        "INSERT INTO label_counts (LabelId, ProjectId, ResolvedId, Items) SELECT Id, ProjectId, Id, 0 FROM labels;",
        Resolve,
        $"UPDATE label_counts SET Items = ({Recount}) WHERE ResolvedId = LabelId;",
    ];

    public static IReadOnlyList<string> Triggers { get; } =
    [
        "CREATE TRIGGER labels_counts_insert AFTER INSERT ON labels BEGIN " +
        "INSERT INTO label_counts (LabelId, ProjectId, ResolvedId, Items) VALUES (NEW.Id, NEW.ProjectId, " +
        "COALESCE((SELECT ResolvedId FROM label_counts WHERE LabelId = NEW.MergedIntoId AND NEW.Status = 'Merged'), NEW.Id), 0); END;",
        // A merge source is live (TaxonomyOperations rejects a merged one), so the labels resolving to it are exactly
        // the rows whose ResolvedId is its id.
        "CREATE TRIGGER labels_counts_merge AFTER UPDATE OF MergedIntoId, Status ON labels " +
        "WHEN NEW.Status = 'Merged' AND NEW.MergedIntoId IS NOT NULL AND (OLD.MergedIntoId IS NOT NEW.MergedIntoId OR OLD.Status <> 'Merged') BEGIN " +
        "UPDATE label_counts SET ResolvedId = (SELECT ResolvedId FROM label_counts WHERE LabelId = NEW.MergedIntoId) " +
        "WHERE ProjectId = NEW.ProjectId AND ResolvedId = NEW.Id; " +
        "UPDATE label_counts SET Items = 0 WHERE LabelId = NEW.Id; " +
        $"UPDATE label_counts SET Items = ({Recount}) WHERE LabelId = (SELECT ResolvedId FROM label_counts WHERE LabelId = NEW.Id); END;",
        "CREATE TRIGGER annotations_counts_labels AFTER INSERT ON annotations " +
        $"WHEN NEW.Kind IN {Given} AND NOT EXISTS (SELECT 1 FROM annotations WHERE ItemId = NEW.ItemId AND Kind IN {Given} AND Id > NEW.Id) BEGIN " +
        $"UPDATE label_counts SET Items = Items - 1 WHERE LabelId IN ({LabelsOf(LatestGiven("NEW", "NEW.Id"))}); " +
        "UPDATE label_counts SET Items = Items + 1 WHERE LabelId IN (SELECT c.ResolvedId FROM json_each(NEW.LabelIdsJson) j JOIN label_counts c ON c.LabelId = j.value); END;",
        "CREATE TRIGGER annotations_counts_labels_delete AFTER DELETE ON annotations " +
        $"WHEN OLD.Kind IN {Given} AND NOT EXISTS (SELECT 1 FROM annotations WHERE ItemId = OLD.ItemId AND Kind IN {Given} AND Id > OLD.Id) BEGIN " +
        "UPDATE label_counts SET Items = Items - 1 WHERE LabelId IN (SELECT c.ResolvedId FROM json_each(OLD.LabelIdsJson) j JOIN label_counts c ON c.LabelId = j.value); " +
        $"UPDATE label_counts SET Items = Items + 1 WHERE LabelId IN ({LabelsOf(LatestGiven("OLD", "OLD.Id"))}); END;",
    ];
}
