namespace Labelforge.Storage.Sqlite;

/// <summary>
/// The SQL of the UndecidedRanges migration: <c>undecided_items</c> becomes one b-tree keyed
/// <c>(ProjectId, RandomKey, ItemId)</c> (the key is computed from the id, so membership stays a key seek), and
/// <c>undecided_ranges</c> holds the same items as runs of ids for import order. The three triggers that wrote the set
/// now also split the range a decided or deleted item falls in, and give an item that is undecided again a range of
/// its own; the rest of <see cref="QueueCountsSql"/> stays as it was.
/// </summary>
internal static class UndecidedRangesSql
{
    private const string Key = QueueCountsSql.RandomKey;
    private const string Decided = QueueCountsSql.Decided;

    public static IReadOnlyList<string> TriggerNames { get; } = ["items_counts_delete", "annotations_counts_decided", "annotations_counts_decided_delete"];

    /// <summary>Replaces the set's table and fills the ranges: a run is consecutive undecided items in the project's id order.</summary>
    public static IReadOnlyList<string> Up =>
    [
        .. TriggerNames.Select(name => $"DROP TRIGGER IF EXISTS {name};"),
        "CREATE TABLE undecided_items_keyed (ProjectId INTEGER NOT NULL, RandomKey INTEGER NOT NULL, ItemId INTEGER NOT NULL, " +
        "CONSTRAINT PK_undecided_items PRIMARY KEY (ProjectId, RandomKey, ItemId)) WITHOUT ROWID;",
        "INSERT INTO undecided_items_keyed (ProjectId, RandomKey, ItemId) SELECT ProjectId, RandomKey, ItemId FROM undecided_items ORDER BY ProjectId, RandomKey, ItemId;",
        "CREATE TABLE undecided_ranges (ProjectId INTEGER NOT NULL, FirstId INTEGER NOT NULL, LastId INTEGER NOT NULL, " +
        "CONSTRAINT PK_undecided_ranges PRIMARY KEY (ProjectId, FirstId), " +
        "CONSTRAINT FK_undecided_ranges_projects_ProjectId FOREIGN KEY (ProjectId) REFERENCES projects (Id) ON DELETE CASCADE) WITHOUT ROWID;",
        // Position among the project's items minus position among its undecided ones is constant along a run.
        "INSERT INTO undecided_ranges (ProjectId, FirstId, LastId) SELECT ProjectId, MIN(Id), MAX(Id) FROM (" +
        "SELECT ProjectId, Id, Position - ROW_NUMBER() OVER (PARTITION BY ProjectId ORDER BY Id) AS Run FROM (" +
        "SELECT i.ProjectId, i.Id, ROW_NUMBER() OVER (PARTITION BY i.ProjectId ORDER BY i.Id) AS Position, " +
        "EXISTS (SELECT 1 FROM undecided_items u WHERE u.ProjectId = i.ProjectId AND u.ItemId = i.Id) AS Open FROM items i) WHERE Open) " +
        "GROUP BY ProjectId, Run;",
        "DROP TABLE undecided_items;",
        "ALTER TABLE undecided_items_keyed RENAME TO undecided_items;",
        .. Triggers,
    ];

    /// <summary>Back to the table keyed by item with a random-key index, and the triggers before this migration.</summary>
    public static IReadOnlyList<string> Down =>
    [
        .. TriggerNames.Select(name => $"DROP TRIGGER IF EXISTS {name};"),
        "CREATE TABLE undecided_items_by_item (ProjectId INTEGER NOT NULL, ItemId INTEGER NOT NULL, RandomKey INTEGER NOT NULL, " +
        "CONSTRAINT PK_undecided_items PRIMARY KEY (ProjectId, ItemId)) WITHOUT ROWID;",
        "INSERT INTO undecided_items_by_item (ProjectId, ItemId, RandomKey) SELECT ProjectId, ItemId, RandomKey FROM undecided_items;",
        "DROP TABLE undecided_items;",
        "DROP TABLE undecided_ranges;",
        "ALTER TABLE undecided_items_by_item RENAME TO undecided_items;",
        "CREATE INDEX IX_undecided_items_ProjectId_RandomKey ON undecided_items (ProjectId, RandomKey);",
        .. QueueCountsSql.Triggers.Where(sql => TriggerNames.Any(name => sql.StartsWith($"CREATE TRIGGER {name} ", StringComparison.Ordinal))),
    ];

    public static IReadOnlyList<string> Triggers { get; } =
    [
        "CREATE TRIGGER items_counts_delete AFTER DELETE ON items BEGIN " +
        $"DELETE FROM undecided_items WHERE ProjectId = OLD.ProjectId AND RandomKey = OLD.Id {Key} AND ItemId = OLD.Id; " +
        Split("OLD.ProjectId", "OLD.Id") +
        "UPDATE project_counts SET Items = Items - 1 WHERE ProjectId = OLD.ProjectId; END;",
        QueueCountsSql.Counter("annotations_counts_decided", insert: true, $"NEW.Kind IN {Decided}", $"Kind IN {Decided}", "DecidedItems",
            $"DELETE FROM undecided_items WHERE ProjectId = NEW.ProjectId AND RandomKey = NEW.ItemId {Key} AND ItemId = NEW.ItemId; " +
            Split("NEW.ProjectId", "NEW.ItemId")),
        // The item is undecided again unless it is being deleted itself (then the items trigger removes the row).
        QueueCountsSql.Counter("annotations_counts_decided_delete", insert: false, $"OLD.Kind IN {Decided}", $"Kind IN {Decided}", "DecidedItems",
            $"INSERT OR IGNORE INTO undecided_items (ProjectId, RandomKey, ItemId) SELECT ProjectId, Id {Key}, Id FROM items WHERE Id = OLD.ItemId; " +
            "INSERT INTO undecided_ranges (ProjectId, FirstId, LastId) SELECT i.ProjectId, i.Id, i.Id FROM items i WHERE i.Id = OLD.ItemId " +
            $"AND NOT EXISTS (SELECT 1 FROM undecided_ranges r WHERE r.ProjectId = i.ProjectId AND r.FirstId = {Containing("i.ProjectId", "i.Id")} AND r.LastId >= i.Id);"),
    ];

    /// <summary>The FirstId of the range that holds <paramref name="id"/> if any does (the nearest range starting at or below it).</summary>
    internal static string Containing(string project, string id) =>
        $"(SELECT MAX(FirstId) FROM undecided_ranges WHERE ProjectId = {project} AND FirstId <= {id})";

    /// <summary>
    /// Takes <paramref name="id"/> out of the range holding it: the part above becomes a range of its own, the range is cut
    /// below the id, and a range left empty (it started at the id) goes. No range holds the id: nothing changes.
    /// </summary>
    internal static string Split(string project, string id) =>
        $"INSERT INTO undecided_ranges (ProjectId, FirstId, LastId) SELECT ProjectId, {id} + 1, LastId FROM undecided_ranges " +
        $"WHERE ProjectId = {project} AND FirstId = {Containing(project, id)} AND LastId > {id}; " +
        $"UPDATE undecided_ranges SET LastId = {id} - 1 WHERE ProjectId = {project} AND FirstId = {Containing(project, id)} AND LastId >= {id}; " +
        $"DELETE FROM undecided_ranges WHERE ProjectId = {project} AND FirstId = {id} AND LastId < FirstId; ";
}
