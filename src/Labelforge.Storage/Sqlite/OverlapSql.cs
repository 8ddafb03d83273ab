namespace Labelforge.Storage.Sqlite;

/// <summary>
/// The SQL of the Overlap migration. An item is in the queue (<c>undecided_items</c> and a range of
/// <c>undecided_ranges</c>) while it is open: no review and no gold answer, and fewer distinct human authors than it
/// needs, which is the project's fixed overlap, or under adaptive overlap the item's <c>item_overlaps</c> row (at
/// least the minimum), one when the project has no queue settings (the rule before this migration). The decided
/// triggers of <see cref="UndecidedRangesSql"/> become plain counters, and these triggers re-decide an item after every
/// human, review or gold annotation written or deleted and every <c>item_overlaps</c> row written; a change of the
/// project's overlap re-decides all its items and rebuilds its ranges (a pass over the project, once per change).
/// Each per-item check is a few key seeks on <c>annotations (ItemId, Author, Id)</c>.
/// </summary>
internal static class OverlapSql
{
    private const string Key = QueueCountsSql.RandomKey;
    private const string Decided = QueueCountsSql.Decided;
    private const string Counted = "('human', 'review', 'gold')";

    private static readonly string[] Replaced = ["annotations_counts_decided", "annotations_counts_decided_delete"];

    public static IReadOnlyList<string> TriggerNames { get; } =
    [
        "annotations_queue_close", "annotations_queue_reopen", "item_overlaps_close_insert", "item_overlaps_open_insert",
        "item_overlaps_close_update", "item_overlaps_open_update", "queue_settings_overlap_insert", "queue_settings_overlap_update",
    ];

    public static IReadOnlyList<string> Up =>
    [
        .. Replaced.Select(name => $"DROP TRIGGER IF EXISTS {name};"),
        QueueCountsSql.Counter("annotations_counts_decided", insert: true, $"NEW.Kind IN {Decided}", $"Kind IN {Decided}", "DecidedItems"),
        QueueCountsSql.Counter("annotations_counts_decided_delete", insert: false, $"OLD.Kind IN {Decided}", $"Kind IN {Decided}", "DecidedItems"),
        .. Triggers,
    ];

    public static IReadOnlyList<string> Down =>
    [
        .. TriggerNames.Select(name => $"DROP TRIGGER IF EXISTS {name};"),
        .. Replaced.Select(name => $"DROP TRIGGER IF EXISTS {name};"),
        .. UndecidedRangesSql.Triggers.Where(sql => Replaced.Any(name => sql.StartsWith($"CREATE TRIGGER {name} ", StringComparison.Ordinal))),
    ];

    public static IReadOnlyList<string> Triggers { get; } =
    [
        $"CREATE TRIGGER annotations_queue_close AFTER INSERT ON annotations WHEN NEW.Kind IN {Counted} " +
        $"AND NOT {Open("NEW.ProjectId", "NEW.ItemId")} BEGIN {Close("NEW.ProjectId", "NEW.ItemId")} END;",
        // The item is open again unless it is being deleted itself (then the items trigger removes the row).
        $"CREATE TRIGGER annotations_queue_reopen AFTER DELETE ON annotations WHEN OLD.Kind IN {Counted} " +
        $"AND EXISTS (SELECT 1 FROM items WHERE Id = OLD.ItemId) AND {Open("OLD.ProjectId", "OLD.ItemId")} BEGIN {Reopen("OLD.ItemId")} END;",
        $"CREATE TRIGGER item_overlaps_close_insert AFTER INSERT ON item_overlaps WHEN NOT {Open("NEW.ProjectId", "NEW.ItemId")} " +
        $"BEGIN {Close("NEW.ProjectId", "NEW.ItemId")} END;",
        $"CREATE TRIGGER item_overlaps_open_insert AFTER INSERT ON item_overlaps WHEN {Open("NEW.ProjectId", "NEW.ItemId")} " +
        $"BEGIN {Reopen("NEW.ItemId")} END;",
        $"CREATE TRIGGER item_overlaps_close_update AFTER UPDATE ON item_overlaps WHEN NOT {Open("NEW.ProjectId", "NEW.ItemId")} " +
        $"BEGIN {Close("NEW.ProjectId", "NEW.ItemId")} END;",
        $"CREATE TRIGGER item_overlaps_open_update AFTER UPDATE ON item_overlaps WHEN {Open("NEW.ProjectId", "NEW.ItemId")} " +
        $"BEGIN {Reopen("NEW.ItemId")} END;",
        "CREATE TRIGGER queue_settings_overlap_insert AFTER INSERT ON queue_settings " +
        $"WHEN NEW.OverlapMode <> 'fixed' OR NEW.Overlap <> 1 BEGIN {Rebuild("NEW.ProjectId")} END;",
        "CREATE TRIGGER queue_settings_overlap_update AFTER UPDATE OF OverlapMode, Overlap, MinOverlap ON queue_settings " +
        $"BEGIN {Rebuild("NEW.ProjectId")} END;",
    ];

    /// <summary>Distinct annotators the item needs now.</summary>
    private static string Needed(string project, string item) =>
        "COALESCE((SELECT CASE s.OverlapMode WHEN 'adaptive' THEN " +
        $"MAX(s.MinOverlap, COALESCE((SELECT o.Needed FROM item_overlaps o WHERE o.ItemId = {item}), 0)) ELSE s.Overlap END " +
        $"FROM queue_settings s WHERE s.ProjectId = {project}), 1)";

    /// <summary>True while the item belongs in the queue.</summary>
    internal static string Open(string project, string item) =>
        $"(NOT EXISTS (SELECT 1 FROM annotations a WHERE a.ItemId = {item} AND a.Kind IN ('review', 'gold')) " +
        $"AND (SELECT COUNT(DISTINCT a.Author) FROM annotations a WHERE a.ItemId = {item} AND a.Kind = 'human') < {Needed(project, item)})";

    private static string Close(string project, string item) =>
        $"DELETE FROM undecided_items WHERE ProjectId = {project} AND RandomKey = {item} {Key} AND ItemId = {item}; " +
        UndecidedRangesSql.Split(project, item);

    private static string Reopen(string item) =>
        $"INSERT OR IGNORE INTO undecided_items (ProjectId, RandomKey, ItemId) SELECT ProjectId, Id {Key}, Id FROM items WHERE Id = {item}; " +
        "INSERT INTO undecided_ranges (ProjectId, FirstId, LastId) SELECT i.ProjectId, i.Id, i.Id FROM items i WHERE i.Id = " + item + " " +
        $"AND NOT EXISTS (SELECT 1 FROM undecided_ranges r WHERE r.ProjectId = i.ProjectId AND r.FirstId = {UndecidedRangesSql.Containing("i.ProjectId", "i.Id")} AND r.LastId >= i.Id);";

    /// <summary>Re-decides every item of the project and rebuilds its ranges (runs of consecutive open items in id order).</summary>
    private static string Rebuild(string project) =>
        $"DELETE FROM undecided_items WHERE ProjectId = {project} AND NOT {Open(project, "undecided_items.ItemId")}; " +
        $"INSERT OR IGNORE INTO undecided_items (ProjectId, RandomKey, ItemId) SELECT i.ProjectId, i.Id {Key}, i.Id FROM items i " +
        $"WHERE i.ProjectId = {project} AND {Open(project, "i.Id")}; " +
        $"DELETE FROM undecided_ranges WHERE ProjectId = {project}; " +
        "INSERT INTO undecided_ranges (ProjectId, FirstId, LastId) SELECT ProjectId, MIN(Id), MAX(Id) FROM (" +
        "SELECT ProjectId, Id, Position - ROW_NUMBER() OVER (ORDER BY Id) AS Run FROM (" +
        "SELECT i.ProjectId, i.Id, ROW_NUMBER() OVER (ORDER BY i.Id) AS Position, " +
        $"EXISTS (SELECT 1 FROM undecided_items u WHERE u.ProjectId = i.ProjectId AND u.RandomKey = i.Id {Key} AND u.ItemId = i.Id) AS Open " +
        $"FROM items i WHERE i.ProjectId = {project}) WHERE Open) GROUP BY ProjectId, Run;";
}
