namespace Labelforge.Storage.Sqlite;

/// <summary>
/// The SQL of the StructuredLabelCounts migration: the annotation triggers of <see cref="LabelCountsSql"/> read an
/// annotation's labels with <c>json_each</c> over its value, which is a bare id array only for class labels; a span or
/// object value (<c>{"spans":[{…,"label":3}]}</c>, <c>{"objects":[{"label":3,…}]}</c>) gave no label, so text-spans and
/// image-objects projects counted zero items per label. These triggers read the labels of every value kind with
/// <c>json_tree</c>: the integers directly in a top-level array, and the <c>label</c> member of each element of a
/// top-level list. An item counts once under each label its current given annotation uses. The migration then
/// recounts every label from <c>annotation_labels</c>, which always held every kind's labels.
/// </summary>
internal static class StructuredLabelCountsSql
{
    private const string Given = LabelCountsSql.Given;

    private static readonly string[] Replaced = ["annotations_counts_labels", "annotations_counts_labels_delete"];

    /// <summary>The resolved labels of a stored annotation value (an SQL expression of the value, e.g. <c>NEW.LabelIdsJson</c>).</summary>
    private static string LabelsIn(string value) =>
        $"SELECT c.ResolvedId FROM json_tree({value}) j JOIN label_counts c ON c.LabelId = j.value " +
        "WHERE (j.path = '$' AND j.type = 'integer') OR (j.key = 'label' AND j.path GLOB '$.*[[]*]')";

    private static string LabelsOfAnnotation(string annotationId) =>
        $"SELECT c.ResolvedId FROM annotations p, json_tree(p.LabelIdsJson) j JOIN label_counts c ON c.LabelId = j.value " +
        $"WHERE p.Id = {annotationId} AND ((j.path = '$' AND j.type = 'integer') OR (j.key = 'label' AND j.path GLOB '$.*[[]*]'))";

    public static IReadOnlyList<string> Up =>
    [
        .. Replaced.Select(name => $"DROP TRIGGER IF EXISTS {name};"),
        .. Triggers,
        $"UPDATE label_counts SET Items = ({LabelCountsSql.Recount}) WHERE ResolvedId = LabelId;",
    ];

    public static IReadOnlyList<string> Down =>
    [
        .. Replaced.Select(name => $"DROP TRIGGER IF EXISTS {name};"),
        .. LabelCountsSql.Triggers.Where(sql => Replaced.Any(name => sql.StartsWith($"CREATE TRIGGER {name} ", StringComparison.Ordinal))),
    ];

    public static IReadOnlyList<string> Triggers { get; } =
    [
        "CREATE TRIGGER annotations_counts_labels AFTER INSERT ON annotations " +
        $"WHEN NEW.Kind IN {Given} AND NOT EXISTS (SELECT 1 FROM annotations WHERE ItemId = NEW.ItemId AND Kind IN {Given} AND Id > NEW.Id) BEGIN " +
        $"UPDATE label_counts SET Items = Items - 1 WHERE LabelId IN ({LabelsOfAnnotation(LabelCountsSql.LatestGiven("NEW", "NEW.Id"))}); " +
        $"UPDATE label_counts SET Items = Items + 1 WHERE LabelId IN ({LabelsIn("NEW.LabelIdsJson")}); END;",
        "CREATE TRIGGER annotations_counts_labels_delete AFTER DELETE ON annotations " +
        $"WHEN OLD.Kind IN {Given} AND NOT EXISTS (SELECT 1 FROM annotations WHERE ItemId = OLD.ItemId AND Kind IN {Given} AND Id > OLD.Id) BEGIN " +
        $"UPDATE label_counts SET Items = Items - 1 WHERE LabelId IN ({LabelsIn("OLD.LabelIdsJson")}); " +
        $"UPDATE label_counts SET Items = Items + 1 WHERE LabelId IN ({LabelsOfAnnotation(LabelCountsSql.LatestGiven("OLD", "OLD.Id"))}); END;",
    ];
}
