using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Acceptance;

/// <summary>
/// Measures acceptance bias: do annotators rubber-stamp model suggestions? Each current human label (the latest per item
/// and annotator) is accepted, corrected or made from scratch. Its reference label is gold when the item has one from
/// someone else (a review annotation, or a label by one of <see cref="AcceptanceOptions.GoldAuthors"/>); otherwise the
/// most common label other annotators gave the item from scratch (a tie gives none). Suggestion-made peer labels are
/// never references, since they share the model's errors. Labels compare as sets, through merges.
/// </summary>
public sealed class AcceptanceOperations(LabelforgeDb db, TaxonomyOperations taxonomy, AnnotationOperations annotations)
{
    public const string ReferenceRule =
        "gold (review annotations and gold authors) where present, else the plurality label of other annotators who labeled the item from scratch";

    public async Task<AcceptanceReport> ReportAsync(long projectId, AcceptanceOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var project = await RequireProject.FindAsync(db.Projects.AsNoTracking(), projectId, ct);
        TaskTypes.RequireClassLabels(project, "The acceptance report");
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var (human, review) = (AnnotationKind.Human.ToWire(), AnnotationKind.Review.ToWire());
        var goldAuthors = options.GoldAuthors.ToList();
        var rows = await annotations.Current(projectId).AsNoTracking()
            .Where(a => a.Kind == human || a.Kind == review || goldAuthors.Contains(a.Author))
            .Select(a => new Row(a.Id, a.ItemId, a.Author, a.Kind, a.LabelIdsJson, a.SuggestionAnnotationId, a.SuggestionOutcome))
            .ToListAsync(ct);
        var suggestionIds = rows.Where(r => r.SuggestionId is not null).Select(r => r.SuggestionId!.Value).Distinct().ToList();
        var suggestions = await db.Annotations.AsNoTracking().Where(a => suggestionIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => (a.Author, Key: Key(a.LabelIdsJson, resolver)), ct);

        var all = new AcceptanceTally();
        var byModel = new SortedDictionary<string, AcceptanceTally>(StringComparer.Ordinal);
        var (goldReferences, peerReferences) = (0, 0);
        foreach (var item in rows.GroupBy(r => r.ItemId))
        {
            var gold = item.Where(r => r.Kind == review || goldAuthors.Contains(r.Author)).MaxBy(r => r.Id);
            var humans = item.Where(r => r.Kind == human && !goldAuthors.Contains(r.Author)).ToList();
            foreach (var h in humans)
            {
                var (reference, fromGold) = Reference(h, gold, humans, resolver);
                goldReferences += reference is not null && fromGold ? 1 : 0;
                peerReferences += reference is not null && !fromGold ? 1 : 0;
                bool? right = reference is null ? null : Key(h.LabelIdsJson, resolver) == reference;
                var suggestion = h.SuggestionId is { } sid && suggestions.TryGetValue(sid, out var s) ? s : default;
                bool? suggestionRight = reference is null || suggestion.Author is null ? null : suggestion.Key == reference;
                all.Add(h.Outcome, right, suggestionRight);
                if (suggestion.Author is not null && h.Outcome is not null)
                {
                    if (!byModel.TryGetValue(suggestion.Author, out var tally))
                        byModel[suggestion.Author] = tally = new AcceptanceTally();
                    tally.Add(h.Outcome, right, suggestionRight);
                }
            }
        }
        return Report(project.Name, all, byModel, goldReferences, peerReferences);
    }

    private static (string? Key, bool FromGold) Reference(Row label, Row? gold, List<Row> humans, LabelResolver resolver)
    {
        if (gold is not null && gold.Author != label.Author)
            return (Key(gold.LabelIdsJson, resolver), true);
        var votes = humans.Where(p => p.Author != label.Author && p.SuggestionId is null)
            .GroupBy(p => Key(p.LabelIdsJson, resolver))
            .Select(g => (g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count)
            .ToList();
        if (votes.Count == 0 || (votes.Count > 1 && votes[0].Count == votes[1].Count))
            return (null, false);
        return (votes[0].Key, false);
    }

    private static AcceptanceReport Report(string project, AcceptanceTally all, SortedDictionary<string, AcceptanceTally> byModel, int gold, int peer)
    {
        var accepted = ProportionEstimate.Of(all.AcceptedRight, all.AcceptedJudged);
        var scratch = ProportionEstimate.Of(all.ScratchRight, all.ScratchJudged);
        var accuracy = new AccuracyComparison(ReferenceRule, gold, peer, accepted,
            ProportionEstimate.Of(all.CorrectedRight, all.CorrectedJudged), scratch,
            ProportionEstimate.Of(all.SuggestionsRight, all.SuggestionsJudged),
            ProportionEstimate.Of(all.WrongSuggestionsAccepted, all.WrongSuggestions),
            DifferenceEstimate.Of(accepted, scratch));
        var models = byModel.Select(m => new ModelAcceptance(m.Key, m.Value.Accepted + m.Value.Corrected, m.Value.Accepted, m.Value.Corrected,
            ProportionEstimate.Of(m.Value.Accepted, m.Value.Accepted + m.Value.Corrected),
            ProportionEstimate.Of(m.Value.SuggestionsRight, m.Value.SuggestionsJudged),
            ProportionEstimate.Of(m.Value.AcceptedRight, m.Value.AcceptedJudged))).ToList();
        return new AcceptanceReport(project, all.Accepted, all.Corrected, all.Scratch,
            ProportionEstimate.Of(all.Accepted, all.Accepted + all.Corrected), models, accuracy);
    }

    private static string Key(string labelIdsJson, LabelResolver resolver) =>
        string.Join(',', JsonIds.Read(labelIdsJson).Select(resolver.Resolve).Distinct().Order());

    private sealed record Row(long Id, long ItemId, string Author, string Kind, string LabelIdsJson, long? SuggestionId, string? Outcome);
}
