using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Core.Models;
using Labelforge.Engine.AutoAccept;

namespace Labelforge.Cli.Commands;

/// <summary>
/// `labelforge auto-accept PROJECT`: the lowest confidence threshold whose precision on verified items meets the target
/// under a one-sided bound, the coverage it gives, and (without --dry-run) model-accepted annotations above it.
/// </summary>
internal static class AutoAcceptCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("PROJECT") { Description = "Project name or id." };
        var model = new Option<string?>("--model") { Description = "NAME or NAME@VERSION whose predictions to accept (default: the most recently trained model)." };
        var target = new Option<double>("--target-precision") { Description = "Precision the accepted labels must reach.", DefaultValueFactory = _ => AutoAcceptOptions.DefaultTargetPrecision };
        var confidence = new Option<double>("--confidence") { Description = "Confidence level of the one-sided lower bound on precision.", DefaultValueFactory = _ => AutoAcceptRequest.DefaultConfidence };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report the threshold and coverage without writing annotations." };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("auto-accept", "Accept a model's confident predictions as model-accepted labels where verified precision allows it.")
        {
            project, model, target, confidence, dryRun, db, json,
        };
        command.SetHandler(async (parse, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parse.GetValue(db)!, ct);
            var p = await store.ProjectAsync(parse.GetValue(project)!, ct);
            var request = new AutoAcceptRequest(parse.GetValue(model), parse.GetValue(target), parse.GetValue(confidence), parse.GetValue(dryRun));
            var r = await store.Get<AutoAcceptOperations>().RunAsync(p.Id, request, ct);
            var t = r.Threshold;
            var text = t.Threshold is { } value
                ? $"{r.Author}: threshold {value:F4} (precision {t.Precision:F4}, lower bound {t.LowerBound:F4} on {t.Verified} verified items); " +
                  $"covers {t.Covered} of {t.Unlabeled} unlabeled items ({t.Coverage:P1}); {(r.DryRun ? "dry run, nothing written" : $"{r.Accepted} accepted")}"
                : $"{r.Author}: no threshold reaches precision {request.TargetPrecision} at {request.Confidence:P0} confidence " +
                  $"({VerifiedCount(r)} verified items; at least {t.MinimumVerified} all-correct ones are needed); everything stays for people";
            CliJson.Report(parse, json, new
            {
                author = r.Author, threshold = t.Threshold, target_precision = request.TargetPrecision, confidence = request.Confidence,
                verified = t.Verified, verified_available = r.HeldOutVerified + r.LaterHumanVerified, held_out_verified = r.HeldOutVerified,
                later_human_verified = r.LaterHumanVerified, correct = t.Correct, precision = t.Precision, lower_bound = t.LowerBound,
                covered = t.Covered, unlabeled = t.Unlabeled, coverage = t.Coverage, minimum_verified = t.MinimumVerified,
                accepted = r.Accepted, dry_run = r.DryRun, seconds = Math.Round(r.Seconds, 3),
            }, text);
            return 0;
        });
        return command;

        static int VerifiedCount(AutoAcceptResult r) => r.HeldOutVerified + r.LaterHumanVerified;
    }
}
