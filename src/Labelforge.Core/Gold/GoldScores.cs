using Labelforge.Core.Annotations;
using Labelforge.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Gold;

/// <summary>
/// People's current answers on gold items, each compared with the item's latest gold answer: the evidence that scores
/// an annotator. A person's answer is only ever compared with the gold annotation; it never becomes gold itself.
/// Reads per gold item two key seeks of <c>annotations (ItemId, Author, Id)</c> per author asked about.
/// </summary>
public static class GoldScores
{
    public sealed record Answer(string Author, long ItemId, bool Correct);

    public static async Task<List<Answer>> AnswersAsync(LabelforgeDb db, long projectId, IReadOnlyCollection<string>? authors, CancellationToken ct)
    {
        var human = AnnotationKind.Human.ToWire();
        var goldAuthor = GoldOperations.Author;
        var names = authors?.ToList();
        var rows = await (
            from g in db.GoldItems
            where g.ProjectId == projectId
            from a in db.Annotations
            where a.ItemId == g.ItemId && a.Kind == human && (names == null || names.Contains(a.Author))
                && !db.Annotations.Any(b => b.ItemId == a.ItemId && b.Author == a.Author && b.Kind == human && b.Id > a.Id)
            let gold = db.Annotations.Where(x => x.ItemId == g.ItemId && x.Author == goldAuthor).OrderByDescending(x => x.Id).Select(x => x.LabelIdsJson).FirstOrDefault()
            select new { a.Author, a.ItemId, Correct = a.LabelIdsJson == gold }).ToListAsync(ct);
        return rows.Select(r => new Answer(r.Author, r.ItemId, r.Correct)).ToList();
    }
}
