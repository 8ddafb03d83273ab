using System.Globalization;
using Labelforge.Core.Annotations;
using Labelforge.Core.Data;
using Labelforge.Core.Gold;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Ui.Tests.Adjudication;

/// <summary>
/// A team project for the adjudication and annotator pages: 24 messages labeled ham, spam or promo by three
/// annotators over three weeks. The first 10 are gold items. ana is always right; ben is wrong on every fourth
/// message and, in the third week, on some more; sloppy is wrong on every gold item and on every other message (so the gold interval lies below the 80%
/// threshold and sloppy is flagged). A majority consensus run follows.
/// </summary>
internal sealed record TeamProject(long Id, IReadOnlyList<long> Items, IReadOnlyList<long> Labels)
{
    public static readonly string[] LabelNames = ["ham", "spam", "promo"];

    public const int GoldCount = 10;

    public static async Task<TeamProject> CreateAsync(UiServer server, string name)
    {
        var ct = TestContext.Current.CancellationToken;
        var id = (await server.PostAsync("/api/projects", new { name, labels = LabelNames })).GetProperty("id").GetInt64();
        await server.ImportAsync(id, Enumerable.Range(0, 24).Select(i => ($"m{i}", $"message {i}: {Texts[i % Texts.Length]}")));
        await using (var scope = server.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LabelforgeDb>();
            var items = await db.Items.Where(i => i.ProjectId == id).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
            var labels = await db.Labels.Where(l => l.ProjectId == id).OrderBy(l => l.Id).Select(l => l.Id).ToListAsync(ct);
            var monday = new DateTimeOffset(2026, 11, 9, 9, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < items.Count; i++)
            {
                var truth = i % 3;
                var at = monday.AddDays(7 * (i % 3)).AddMinutes(i);
                Add(db, id, items[i], "ana", labels[truth], at, 4000 + (i * 100));
                // In the third week ben and sloppy both go wrong on the odd messages, each their own way: three-way splits.
                var lateSlip = i >= GoldCount && i % 3 == 2 && i % 2 == 1;
                Add(db, id, items[i], "ben", labels[i % 4 == 1 || lateSlip ? (truth + 1) % 3 : truth], at.AddMinutes(1), 6000 + (i * 50));
                Add(db, id, items[i], "sloppy", labels[i < GoldCount || i % 2 == 0 || lateSlip ? (truth + 2) % 3 : truth], at.AddMinutes(2), 1500);
                if (i < GoldCount)
                {
                    Add(db, id, items[i], GoldOperations.Author, labels[truth], monday, null, "gold");
                    db.GoldItems.Add(new GoldItem { ProjectId = id, ItemId = items[i] });
                }
            }
            await db.SaveChangesAsync(ct);
            await server.PostAsync($"/api/projects/{id}/consensus", new { method = "majority" });
            return new TeamProject(id, items, labels);
        }
    }

    private static readonly string[] Texts =
    [
        "are we still on for lunch tomorrow?", "WIN a free cruise, reply YES now", "20% off all shoes this weekend only",
        "running late, start without me", "claim your prize: text CLAIM to 80086", "new arrivals in store, members save more",
    ];

    private static void Add(LabelforgeDb db, long projectId, long itemId, string author, long label, DateTimeOffset at, long? ms, string kind = "human") =>
        db.Annotations.Add(new Annotation
        {
            ProjectId = projectId, ItemId = itemId, Author = author, Kind = kind, TaxonomyVersion = 1,
            LabelIdsJson = $"[{label.ToString(CultureInfo.InvariantCulture)}]", CreatedAt = at, TimeSpentMs = ms,
        });
}
