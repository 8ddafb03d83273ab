namespace Labelforge.Storage.Sqlite;

/// <summary>
/// SQLite triggers that keep <c>undecided_items</c>, <c>project_counts</c> and <c>annotator_counts</c> exact in the same
/// transaction as every write of projects and annotations and every delete of items: the EF paths, the bulk annotation
/// writer and cascading deletes alike, so no write path can forget them. Inserted items are the exception: imports,
/// their only writer, add them per batch (<c>Core/Counts/ImportedItemsState</c>), since a trigger per row doubled the
/// import's time. Each trigger does a few key seeks: an annotation checks the item's other annotations on the
/// <c>(ItemId, Author, Id)</c> index. Kind names are the wire names of <c>AnnotationKinds</c> as of this migration
/// (decided: human, review; given: human, import, review). The random key is <c>SeededRandomStrategy.BaseKey</c>.
/// </summary>
internal static class QueueCountsSql
{
    internal const string RandomKey = "% 2147483647 * 1327217885 % 2147483647";
    internal const string Decided = "('human', 'review')";
    private const string Given = "('human', 'import', 'review')";

    public static IReadOnlyList<string> TriggerNames { get; } =
    [
        "projects_counts_insert", "items_counts_delete",
        "annotations_counts_any", "annotations_counts_decided", "annotations_counts_given", "annotations_counts_annotator",
        "annotations_counts_any_delete", "annotations_counts_decided_delete", "annotations_counts_given_delete", "annotations_counts_annotator_delete",
    ];

    /// <summary>Fills the tables from the rows a database already holds.</summary>
    public static IReadOnlyList<string> Backfill { get; } =
    [
        "INSERT INTO project_counts (ProjectId, Items, AnnotatedItems, DecidedItems, GivenItems) SELECT p.Id, " +
        "(SELECT COUNT(*) FROM items i WHERE i.ProjectId = p.Id), " +
        "(SELECT COUNT(*) FROM items i WHERE i.ProjectId = p.Id AND EXISTS (SELECT 1 FROM annotations a WHERE a.ItemId = i.Id)), " +
        $"(SELECT COUNT(*) FROM items i WHERE i.ProjectId = p.Id AND EXISTS (SELECT 1 FROM annotations a WHERE a.ItemId = i.Id AND a.Kind IN {Decided})), " +
        $"(SELECT COUNT(*) FROM items i WHERE i.ProjectId = p.Id AND EXISTS (SELECT 1 FROM annotations a WHERE a.ItemId = i.Id AND a.Kind IN {Given})) " +
        "FROM projects p;",
        "INSERT INTO annotator_counts (ProjectId, Author, LabeledItems) " +
        "SELECT ProjectId, Author, COUNT(DISTINCT ItemId) FROM annotations WHERE Kind = 'human' GROUP BY ProjectId, Author;",
        $"INSERT INTO undecided_items (ProjectId, ItemId, RandomKey) SELECT i.ProjectId, i.Id, i.Id {RandomKey} FROM items i " +
        $"WHERE NOT EXISTS (SELECT 1 FROM annotations a WHERE a.ItemId = i.Id AND a.Kind IN {Decided});",
    ];

    public static IReadOnlyList<string> Triggers { get; } =
    [
        "CREATE TRIGGER projects_counts_insert AFTER INSERT ON projects BEGIN " +
        "INSERT INTO project_counts (ProjectId, Items, AnnotatedItems, DecidedItems, GivenItems) VALUES (NEW.Id, 0, 0, 0, 0); END;",
        "CREATE TRIGGER items_counts_delete AFTER DELETE ON items BEGIN " +
        "DELETE FROM undecided_items WHERE ProjectId = OLD.ProjectId AND ItemId = OLD.Id; " +
        "UPDATE project_counts SET Items = Items - 1 WHERE ProjectId = OLD.ProjectId; END;",
        Counter("annotations_counts_any", insert: true, "TRUE", "TRUE", "AnnotatedItems"),
        Counter("annotations_counts_decided", insert: true, $"NEW.Kind IN {Decided}", $"Kind IN {Decided}", "DecidedItems",
            "DELETE FROM undecided_items WHERE ProjectId = NEW.ProjectId AND ItemId = NEW.ItemId;"),
        Counter("annotations_counts_given", insert: true, $"NEW.Kind IN {Given}", $"Kind IN {Given}", "GivenItems"),
        "CREATE TRIGGER annotations_counts_annotator AFTER INSERT ON annotations WHEN NEW.Kind = 'human' AND NOT EXISTS " +
        "(SELECT 1 FROM annotations WHERE ItemId = NEW.ItemId AND Author = NEW.Author AND Kind = 'human' AND Id <> NEW.Id) BEGIN " +
        "INSERT OR IGNORE INTO annotator_counts (ProjectId, Author, LabeledItems) VALUES (NEW.ProjectId, NEW.Author, 0); " +
        "UPDATE annotator_counts SET LabeledItems = LabeledItems + 1 WHERE ProjectId = NEW.ProjectId AND Author = NEW.Author; END;",
        Counter("annotations_counts_any_delete", insert: false, "TRUE", "TRUE", "AnnotatedItems"),
        // The item is undecided again unless it is being deleted itself (then the items trigger removes the row).
        Counter("annotations_counts_decided_delete", insert: false, $"OLD.Kind IN {Decided}", $"Kind IN {Decided}", "DecidedItems",
            $"INSERT OR IGNORE INTO undecided_items (ProjectId, ItemId, RandomKey) SELECT ProjectId, Id, Id {RandomKey} FROM items WHERE Id = OLD.ItemId;"),
        Counter("annotations_counts_given_delete", insert: false, $"OLD.Kind IN {Given}", $"Kind IN {Given}", "GivenItems"),
        "CREATE TRIGGER annotations_counts_annotator_delete AFTER DELETE ON annotations WHEN OLD.Kind = 'human' AND NOT EXISTS " +
        "(SELECT 1 FROM annotations WHERE ItemId = OLD.ItemId AND Author = OLD.Author AND Kind = 'human') BEGIN " +
        "UPDATE annotator_counts SET LabeledItems = LabeledItems - 1 WHERE ProjectId = OLD.ProjectId AND Author = OLD.Author; END;",
    ];

    /// <summary>
    /// A trigger that moves <paramref name="column"/> by one when an annotation matching <paramref name="when"/> is the
    /// item's first (insert) or last (delete) annotation matching <paramref name="others"/>.
    /// </summary>
    internal static string Counter(string name, bool insert, string when, string others, string column, string extra = "")
    {
        var row = insert ? "NEW" : "OLD";
        var self = insert ? " AND Id <> NEW.Id" : "";
        return $"CREATE TRIGGER {name} AFTER {(insert ? "INSERT" : "DELETE")} ON annotations " +
            $"WHEN {when} AND NOT EXISTS (SELECT 1 FROM annotations WHERE ItemId = {row}.ItemId AND {others}{self}) BEGIN " +
            $"UPDATE project_counts SET {column} = {column} {(insert ? "+" : "-")} 1 WHERE ProjectId = {row}.ProjectId; {extra} END;";
    }
}
