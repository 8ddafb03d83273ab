using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Labelforge.Cli.Output;
using Labelforge.Core.Models;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge models PROJECT [--name NAME]`: the trained model versions with their held-out metrics.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var name = new Option<string?>("--name") { Description = "Only versions of this model name." };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("models", "List a project's trained model versions, newest first, with their held-out metrics.")
        {
            project, name, db, json,
        };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var versions = await store.Get<ModelOperations>().ListAsync(p.Id, parse.GetValue(name), ct);
            CliJson.Report(parse, json, new { project = p.Name, models = versions }, Text(p.Name, versions));
            return 0;
        });
        return command;
    }

    private static string Text(string project, IReadOnlyList<ModelVersionView> versions)
    {
        if (versions.Count == 0)
            return $"{project}: no trained models yet; run `labelforge train {project}`";
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{project}: {versions.Count} model version(s)");
        foreach (var v in versions)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  {v.Name}@{v.Version}  {v.Kind}  {v.CreatedAt:yyyy-MM-dd HH:mm}  {v.TrainingItems:N0} items  taxonomy v{v.TaxonomyVersion}");
            text.AppendLine(Metric(v.Metrics, "accuracy", "accuracy") + Metric(v.Metrics, "macro_f1", "macro-F1") + Metric(v.Metrics, "ece", "ECE"));
        }
        return text.ToString().TrimEnd();
    }

    private static string Metric(JsonElement metrics, string key, string label) =>
        metrics.ValueKind == JsonValueKind.Object && metrics.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number
            ? string.Create(CultureInfo.InvariantCulture, $"  {label} {value.GetDouble():F4}")
            : "";
}
