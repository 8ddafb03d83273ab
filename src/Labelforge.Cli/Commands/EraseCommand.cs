using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Core.Erasure;

namespace Labelforge.Cli.Commands;

/// <summary>
/// `labelforge erase PROJECT --item EXTERNAL_ID | --search TERM [--yes]`: removes items and everything made from them,
/// leaving a tombstone (docs/erasure.md). A search only previews what it matches until `--yes`; `--dry-run` previews an
/// item; `--cleanup` repeats the store's cleanup (WAL checkpoint) when a reader held it; `--list` shows the tombstones.
/// </summary>
internal static class EraseCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project id or name." };
        var item = new Option<string>("--item") { Description = "External id of the item to erase." };
        var search = new Option<string>("--search") { Description = "Erase every item whose text contains TERM or whose external id is TERM (previews unless --yes)." };
        var yes = new Option<bool>("--yes") { Description = "Erase what --search matches (without it, only list the matches)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only show what would be erased." };
        var reason = new Option<string>("--reason") { Description = "Why (kept in the tombstone and the audit log; no personal data)." };
        var cleanup = new Option<bool>("--cleanup") { Description = "Only repeat the store's cleanup (checkpoint and empty the WAL)." };
        var list = new Option<bool>("--list") { Description = "List the project's tombstones." };
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var command = new Command("erase", "Erase items for good: text, document, annotations, LF votes, model weights, image; a tombstone stays.")
        {
            project, item, search, yes, dryRun, reason, cleanup, list, db, json,
        };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetRequiredValue(project), ct);
            var erasure = store.Get<ErasureOperations>();
            if (parse.GetValue(list))
            {
                var tombstones = await erasure.ListAsync(p.Id, ct);
                CliJson.Report(parse, json, new { project_id = p.Id, tombstones }, tombstones.Count == 0 ? "no erasures"
                    : string.Join(Environment.NewLine, tombstones.Select(t => $"item {t.ItemId,8}  {t.ErasedAt:u}  by {t.ErasedBy}{(t.Reason is null ? "" : "  " + t.Reason)}")));
                return 0;
            }
            if (parse.GetValue(cleanup))
            {
                var done = await erasure.CleanupAsync(ct);
                CliJson.Report(parse, json, new { project_id = p.Id, store_cleanup = done }, CleanupText(done));
                return done is { WalCheckpointed: false } ? 1 : 0;
            }
            var request = new EraseRequest(parse.GetValue(item), parse.GetValue(search), parse.GetValue(reason));
            var preview = parse.GetValue(dryRun) || (request.Search is not null && !parse.GetValue(yes));
            var result = preview ? await erasure.PreviewAsync(p.Id, request, ct) : await erasure.EraseAsync(p.Id, request, ct);
            CliJson.Report(parse, json, result, Text(result, request));
            return result.StoreCleanup is { WalCheckpointed: false } ? 1 : 0;
        });
        return command;
    }

    private static string Text(ErasureResult r, EraseRequest request)
    {
        if (r.AlreadyErased is { } t)
            return $"item {t.ItemId} was already erased at {t.ErasedAt:u} by {t.ErasedBy}";
        var items = string.Join(Environment.NewLine, r.Items.Select(i => $"  item {i.ItemId}{(i.ExternalId is null ? "" : $" ({i.ExternalId})")}"));
        if (r.DryRun)
            return $"would erase {r.ItemCount} item(s), {r.AnnotationsRemoved} annotation(s), {r.MatrixRowsRemoved} LF matrix row(s), and withdraw {r.ModelsWithdrawn} model(s)"
                + (r.ItemCount > r.Items.Count ? $" (first {r.Items.Count} listed)" : "") + (items.Length > 0 ? Environment.NewLine + items : "")
                + (request.Search is not null && r.ItemCount > 0 ? $"{Environment.NewLine}run again with --yes to erase them" : "");
        return $"erased {r.ItemCount} item(s), {r.AnnotationsRemoved} annotation(s), {r.MatrixRowsRemoved} LF matrix row(s), {r.MediaFilesRemoved} image file(s); "
            + $"withdrew {r.ModelsWithdrawn} model(s)" + (items.Length > 0 ? Environment.NewLine + items : "")
            + (r.StoreCleanup is null ? "" : Environment.NewLine + CleanupText(r.StoreCleanup));
    }

    private static string CleanupText(ErasureCleanup? c) => c switch
    {
        null => "this store has no cleanup step",
        { WalCheckpointed: false } => "the WAL is still held by a reader and keeps old pages: stop the server or run `labelforge erase PROJECT --cleanup` again",
        _ => "freed pages zeroed, text index purged, WAL checkpointed and emptied",
    };
}
