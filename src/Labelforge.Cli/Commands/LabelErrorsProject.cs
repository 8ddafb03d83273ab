using System.CommandLine;
using System.Diagnostics;
using Labelforge.Cli.Output;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.LabelErrors;
using Labelforge.Training.Projects;

namespace Labelforge.Cli.Commands;

/// <summary>`labelforge label-errors PROJECT`: the review list of human labels that are probably wrong, most suspicious first.</summary>
internal static class LabelErrorsProject
{
    public static async Task<int> RunAsync(ParseResult parse, string projectRef, LabelErrorOptions options, int folds, int seed,
        Option<string> db, Option<bool> json, CancellationToken ct)
    {
        await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
        var project = await store.ProjectAsync(projectRef, ct);
        var clock = Stopwatch.StartNew();
        var (errors, items) = await CliProgress.RunAsync(parse, "label-errors", _ =>
            ProjectLabelErrors.FindAsync(store.Db, store.Get<TaxonomyOperations>(), project.Id, options, folds, seed, ct));
        var seconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
        var lines = errors.Select(e => $"{e.Rank,4}  item {e.ItemId,-8} given {e.Given,-12} suggested {e.Suggested,-12} quality {e.Quality:F3}  {Shorten(e.Text)}");
        CliJson.Report(parse, json, new { count = errors.Count, items, seconds, errors },
            $"{errors.Count} likely label errors among {items} human-labeled items{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        return 0;
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 60 ? line : line[..57] + "...";
    }
}
