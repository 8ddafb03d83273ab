namespace Labelforge.Storage.Sqlite;

/// <summary>
/// The SQLite text index of items (<see cref="SqliteItemSearch"/>): an FTS5 table with the trigram tokenizer over
/// <c>items.Text</c> as external content (the text is stored once, in items), detail=none (LIKE needs no positions;
/// the index is smaller and faster to build), and the id up to which it holds every item. A deleted item leaves the
/// index in the same statement (a trigger), and the watermark moves down when the highest ids go, since SQLite may
/// then hand those ids out again.
/// </summary>
internal static class ItemSearchSql
{
    public static IReadOnlyList<string> Create { get; } =
    [
        "CREATE VIRTUAL TABLE item_search USING fts5(Text, content='items', content_rowid='Id', tokenize='trigram', detail=none);",
        "CREATE TABLE item_search_state (Id INTEGER NOT NULL CONSTRAINT PK_item_search_state PRIMARY KEY CHECK (Id = 1), IndexedThroughId INTEGER NOT NULL);",
        "INSERT INTO item_search_state (Id, IndexedThroughId) VALUES (1, 0);",
        "CREATE TRIGGER items_search_delete AFTER DELETE ON items WHEN OLD.Id <= (SELECT IndexedThroughId FROM item_search_state) BEGIN " +
        "INSERT INTO item_search (item_search, rowid, Text) VALUES ('delete', OLD.Id, OLD.Text); " +
        "UPDATE item_search_state SET IndexedThroughId = (SELECT COALESCE(MAX(Id), 0) FROM items) " +
        "WHERE IndexedThroughId > (SELECT COALESCE(MAX(Id), 0) FROM items); END;",
    ];

    public static IReadOnlyList<string> Drop { get; } =
        ["DROP TRIGGER IF EXISTS items_search_delete;", "DROP TABLE IF EXISTS item_search_state;", "DROP TABLE IF EXISTS item_search;"];
}
