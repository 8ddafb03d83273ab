using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Core.Taxonomy;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge taxonomy PROJECT list|add|edit|rename|move|deprecate|merge|split|history`.</summary>
internal static class TaxonomyCommand
{
    private delegate Task<object> TaxonomyAction(ParseResult parse, TaxonomyOperations ops, long projectId, CancellationToken ct);

    public static Command Create()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var command = new Command("taxonomy", "Show and change a project's versioned label tree.") { project };
        var label = () => new Argument<string>("LABEL") { Description = "Label name, path (Parent/Child; \\/ for a '/' inside a name; /Name for a top-level label) or id. A name several labels share must be written as a path." };

        var name = new Argument<string>("NAME") { Description = "New label name: free text, taken as written (a '/' or ',' is part of the name)." };
        var parent = new Option<string?>("--parent") { Description = "Parent label (name, path with \\/ for a '/' inside a name, or id; a shared name as its path); omitted = top level." };
        var description = new Option<string?>("--description") { Description = "Shown to annotators on hover." };
        var hotkey = new Option<string?>("--hotkey") { Description = "One letter or digit that picks this label." };
        var color = new Option<string?>("--color") { Description = "CSS color, e.g. #2563eb." };
        command.Subcommands.Add(Sub(project, "add", "Add a label.", [name, parent, description, hotkey, color], async (p, ops, id, ct) =>
            Noticed(p, p.GetRequiredValue(name), await ops.AddAsync(id, new NewLabel(p.GetRequiredValue(name), p.GetValue(parent), p.GetValue(description), p.GetValue(hotkey), p.GetValue(color)), "cli", ct))));

        var editLabel = label();
        var editDescription = new Option<string?>("--description") { Description = "New description (\"\" clears)." };
        var editHotkey = new Option<string?>("--hotkey") { Description = "New hotkey (\"\" clears)." };
        var editColor = new Option<string?>("--color") { Description = "New color (\"\" clears)." };
        command.Subcommands.Add(Sub(project, "edit", "Change a label's description, hotkey or color.", [editLabel, editDescription, editHotkey, editColor], async (p, ops, id, ct) =>
            await ops.EditAsync(id, p.GetRequiredValue(editLabel), p.GetValue(editDescription), p.GetValue(editHotkey), p.GetValue(editColor), "cli", ct)));

        var renameLabel = label();
        var newName = new Argument<string>("NEW_NAME") { Description = "The new name." };
        command.Subcommands.Add(Sub(project, "rename", "Rename a label (its id stays).", [renameLabel, newName], async (p, ops, id, ct) =>
            Noticed(p, p.GetRequiredValue(newName), await ops.RenameAsync(id, p.GetRequiredValue(renameLabel), p.GetRequiredValue(newName), "cli", ct))));

        var moveLabel = label();
        var moveParent = new Option<string?>("--parent") { Description = "New parent; omitted = top level." };
        command.Subcommands.Add(Sub(project, "move", "Move a label under another (or to the top).", [moveLabel, moveParent], async (p, ops, id, ct) =>
            await ops.MoveAsync(id, p.GetRequiredValue(moveLabel), p.GetValue(moveParent), "cli", ct)));

        var deprecateLabel = label();
        command.Subcommands.Add(Sub(project, "deprecate", "Retire a label: kept in history, no new annotations.", [deprecateLabel], async (p, ops, id, ct) =>
            await ops.DeprecateAsync(id, p.GetRequiredValue(deprecateLabel), "cli", ct)));

        var sources = new Argument<string[]>("SOURCES") { Description = "Labels to merge.", Arity = ArgumentArity.OneOrMore };
        var into = new Option<string>("--into") { Description = "Target label (existing or new name).", Required = true };
        command.Subcommands.Add(Sub(project, "merge", "Merge labels into one; old annotations resolve to it.", [sources, into], async (p, ops, id, ct) =>
            await ops.MergeAsync(id, p.GetRequiredValue(sources), p.GetRequiredValue(into), "cli", ct)));

        var splitLabel = label();
        var targets = new Option<string>("--into") { Description = "Comma-separated target labels, e.g. \"car,truck\"; \\, for a comma inside a name.", Required = true };
        command.Subcommands.Add(Sub(project, "split", "Split a label; its items are listed as needing relabel.", [splitLabel, targets], async (p, ops, id, ct) =>
            await ops.SplitAsync(id, p.GetRequiredValue(splitLabel), LabelPath.SplitList(p.GetRequiredValue(targets)), "cli", ct)));

        var version = new Option<int?>("--version") { Description = "Show the tree as it was at this version." };
        command.Subcommands.Add(Sub(project, "list", "List the labels.", [version], async (p, ops, id, ct) =>
            p.GetValue(version) is { } v ? await ops.GetLabelsAtAsync(id, v, ct) : await ops.GetLabelsAsync(id, ct: ct)));
        command.Subcommands.Add(Sub(project, "history", "List taxonomy versions and their operations.", [], async (p, ops, id, ct) =>
            await ops.HistoryAsync(id, ct)));
        return command;
    }

    private static Command Sub(Argument<string> project, string name, string description, Symbol[] symbols, TaxonomyAction action)
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            if (symbol is Argument argument)
                command.Arguments.Add(argument);
            else
                command.Options.Add((Option)symbol);
        }
        command.Options.Add(db);
        command.Options.Add(json);
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var result = await action(parse, store.Get<TaxonomyOperations>(), p.Id, ct);
            CliJson.Report(parse, json, result, Describe(result));
            return 0;
        });
        return command;
    }

    /// <summary>Says on stderr when the stored name is not the name as typed (outer whitespace removed).</summary>
    private static LabelView Noticed(ParseResult parse, string typed, LabelView label)
    {
        if (LabelNames.TrimNotice(typed, label.Name) is { } notice)
            parse.InvocationConfiguration.Error.WriteLine("note: " + notice);
        return label;
    }

    private static string Describe(object result) => result switch
    {
        LabelView l => Line(l),
        IEnumerable<LabelView> labels => string.Join(Environment.NewLine, labels.Select(Line)),
        IEnumerable<TaxonomyVersionView> history => string.Join(Environment.NewLine,
            history.Select(h => $"v{h.Version,-4} {h.CreatedAt:yyyy-MM-dd HH:mm}  {h.Operation,-9} {h.Details}")),
        _ => result.ToString() ?? "",
    };

    private static string Line(LabelView l) =>
        $"{l.Id,5}  {l.Path,-40} {l.Status}{(l.Hotkey is null ? "" : $"  [{l.Hotkey}]")}{(l.MergedIntoId is { } m ? $"  -> {m}" : "")}";
}
