using System.Text.RegularExpressions;

namespace Labelforge.Storage.Sqlite;

/// <summary>
/// The SQL of the TriggerKindComparisons migration. SQLite evaluates an <c>IN</c> over a list of more than two
/// constants by building an in-memory b-tree of the list, once per run of the program it is in; a trigger is a
/// sub-program run once per row, so every annotation insert built such a b-tree in each trigger whose <c>WHEN</c> held
/// <c>Kind IN ('human', 'import', 'review')</c> or <c>('human', 'review', 'gold')</c>, whether or not the trigger fired.
/// 200,000 consensus annotations (which fire none of them) spent 2.6 of SQLite's 3.6 CPU seconds on that. This
/// migration rewrites those lists as comparisons joined by OR (<see cref="Rewrite"/>), which SQLite tests in place:
/// the same rows match. Every trigger is taken as the migrations so far left it (<see cref="Current"/>).
/// </summary>
internal static partial class TriggerKindComparisonsSql
{
    public static IReadOnlyList<string> Up =>
        [.. Changed.SelectMany(t => new[] { $"DROP TRIGGER IF EXISTS {t.Name};", Rewrite(t.Sql) })];

    public static IReadOnlyList<string> Down =>
        [.. Changed.SelectMany(t => new[] { $"DROP TRIGGER IF EXISTS {t.Name};", t.Sql })];

    private static IEnumerable<(string Name, string Sql)> Changed => Current.Where(t => Rewrite(t.Sql) != t.Sql);

    /// <summary>
    /// Each trigger as the earlier migrations leave it: their statements replayed in migration order, a later
    /// <c>CREATE TRIGGER</c> or <c>DROP TRIGGER</c> of a name replacing what came before.
    /// </summary>
    internal static IReadOnlyList<(string Name, string Sql)> Current
    {
        get
        {
            var triggers = new List<(string Name, string Sql)>();
            IEnumerable<string> history =
            [
                .. QueueCountsSql.Triggers, .. ItemSearchSql.Create, .. LabelCountsSql.Triggers, .. UndecidedRangesSql.Up, .. AuditLogSql.Create,
                .. OverlapSql.Up, .. StructuredLabelCountsSql.Up,
            ];
            foreach (var sql in history)
            {
                if (CreateTrigger().Match(sql) is { Success: true } created)
                {
                    var name = created.Groups["name"].Value;
                    var at = triggers.FindIndex(t => t.Name == name);
                    if (at < 0)
                        triggers.Add((name, sql));
                    else
                        triggers[at] = (name, sql);
                }
                else if (DropTrigger().Match(sql) is { Success: true } dropped)
                {
                    triggers.RemoveAll(t => t.Name == dropped.Groups["name"].Value);
                }
            }
            return triggers;
        }
    }

    /// <summary><c>X IN ('a', 'b', 'c')</c> (three or more string constants) as <c>(X = 'a' OR X = 'b' OR X = 'c')</c>.</summary>
    internal static string Rewrite(string sql) => ConstantList().Replace(sql, m =>
    {
        var column = m.Groups["column"].Value;
        var values = m.Groups["value"].Captures.Select(c => $"{column} = {c.Value}");
        return "(" + string.Join(" OR ", values) + ")";
    });

    [GeneratedRegex(@"(?<column>\b[A-Za-z_][A-Za-z0-9_.]*) IN \((?<value>'[^']*')(?:, (?<value>'[^']*')){2,}\)")]
    private static partial Regex ConstantList();

    [GeneratedRegex(@"^CREATE TRIGGER (?<name>\w+) ")]
    private static partial Regex CreateTrigger();

    [GeneratedRegex(@"^DROP TRIGGER IF EXISTS (?<name>\w+);")]
    private static partial Regex DropTrigger();
}
