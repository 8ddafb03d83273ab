using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge project create|list|show|delete|member`.</summary>
internal static class ProjectCommand
{
    public static Command Create()
    {
        var command = new Command("project", "Create, list, show and delete projects; manage their members.");
        command.Subcommands.Add(CreateCommand());
        command.Subcommands.Add(ListCommand());
        command.Subcommands.Add(ShowCommand());
        command.Subcommands.Add(DeleteCommand());
        command.Subcommands.Add(ProjectMemberCommand.Create());
        command.Subcommands.Add(ProjectPiiCommand.Create());
        return command;
    }

    private static Command CreateCommand()
    {
        var name = new Argument<string>("NAME") { Description = "Project name (unique)." };
        var type = new Option<string>("--type") { Description = $"Task type: {string.Join(", ", TaskTypes.Supported)}.", DefaultValueFactory = _ => TaskTypes.TextClassification };
        var multi = new Option<bool>("--multi-label") { Description = "Items may take several labels." };
        var labels = new Option<string?>("--labels") { Description = "Comma-separated label names, e.g. \"World,Sports,Sci/Tech\"; write \\, for a comma and \\\\ for a backslash inside a name." };
        var guidelines = new Option<FileInfo?>("--guidelines") { Description = "A Markdown file with the labeling guidelines." };
        var overlapping = new Option<bool>("--overlapping-spans") { Description = "text-spans: spans may share characters (nested or crossing entities)." };
        var freeSpans = new Option<bool>("--no-token-snap") { Description = "text-spans: accept spans that start or end inside a token (default: spans snap to tokens)." };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("create", "Create a project.") { name, type, multi, labels, guidelines, overlapping, freeSpans, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            var text = parse.GetValue(guidelines) is { } file ? await File.ReadAllTextAsync(file.FullName, ct) : "";
            var labelList = LabelPath.SplitList(parse.GetValue(labels));
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var ops = store.Get<ProjectOperations>();
            var project = await ops.CreateAsync(new NewProject(parse.GetRequiredValue(name), parse.GetValue(type)!, parse.GetValue(multi), labelList, text,
                parse.GetValue(overlapping), !parse.GetValue(freeSpans)), ct);
            var summary = await ops.SummarizeAsync(project, ct);
            CliJson.Report(parse, json, summary, $"created project {summary.Name} (id {summary.Id}) with {summary.Labels} labels");
            return 0;
        });
        return command;
    }

    private static Command ListCommand()
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("list", "List projects with their progress.") { db, json };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var list = await store.Get<ProjectOperations>().ListAsync(ct);
            var lines = list.Select(p => $"{p.Id,4}  {p.Name,-30} {p.TaskType}{(p.MultiLabel ? " multi" : "")}  labels {p.Labels}  labeled {p.LabeledItems}/{p.Items}");
            CliJson.Report(parse, json, new { projects = list }, list.Count == 0 ? "no projects" : string.Join(Environment.NewLine, lines));
            return 0;
        });
        return command;
    }

    private static Command ShowCommand()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("show", "Show a project.") { project, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var summary = await store.Get<ProjectOperations>().SummarizeAsync(p, ct);
            var labels = await store.Get<TaxonomyOperations>().GetLabelsAsync(p.Id, ct: ct);
            var text = $"{summary.Name} (id {summary.Id}): {summary.TaskType}{(summary.MultiLabel ? ", multi-label" : "")}, taxonomy v{summary.TaxonomyVersion}, " +
                $"{summary.LabeledItems}/{summary.Items} items labeled{Environment.NewLine}labels: {string.Join(", ", labels.Where(l => l.Status == "active").Select(l => l.Path))}";
            CliJson.Report(parse, json, new { project = summary, labels, guidelines = p.Guidelines }, text);
            return 0;
        });
        return command;
    }

    private static Command DeleteCommand()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var yes = new Option<bool>("--yes") { Description = "Confirm: the project, its items and annotations are deleted." };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("delete", "Delete a project and everything in it.") { project, yes, db, json };
        command.SetHandler(async (parse, ct) =>
        {
            if (!parse.GetValue(yes))
                throw new CliException("deleting a project removes its items and annotations; pass --yes to confirm");
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            await store.Get<ProjectOperations>().DeleteAsync(p.Id, ct);
            CliJson.Report(parse, json, new { deleted = p.Name, id = p.Id }, $"deleted project {p.Name}");
            return 0;
        });
        return command;
    }
}
