using System.Text;
using Labelforge.Core.Annotations;
using Labelforge.Core.Data;
using Labelforge.Core.Queues.Strategies;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Queues;

/// <summary>
/// Mixes gold items into one annotator's claims at the project's gold rate. Whether the n-th item an annotator is
/// handed is a gold item is a seeded coin (the project's seed, the annotator's name and n; n counts the items they
/// labeled plus those they hold), so the same stream comes back on a retry and nobody can tell gold from the rest by its
/// position; which gold item follows a per-annotator seeded order over the gold items they have not labeled, skipped
/// or leased. A gold item has the same shape as any other queue item; no field marks it.
/// </summary>
internal sealed class GoldMix(QueueSettings? settings, string annotator)
{
    private readonly double _rate = settings?.GoldRate ?? 0;
    private readonly ulong _key = Mix(Fnv(annotator) ^ (ulong)(settings?.Seed ?? QueueRequest.DefaultSeed));

    /// <summary>For each of the <paramref name="count"/> new slots, whether it is a gold slot.</summary>
    public async Task<bool[]> SlotsAsync(LabelforgeDb db, long projectId, int held, int count, CancellationToken ct)
    {
        var slots = new bool[count];
        if (_rate <= 0)
            return slots;
        var labeled = await db.AnnotatorCounts.Where(c => c.ProjectId == projectId && c.Author == annotator)
            .Select(c => (long?)c.LabeledItems).FirstOrDefaultAsync(ct) ?? 0;
        for (var j = 0; j < count; j++)
            slots[j] = IsGold(labeled + held + j);
        return slots;
    }

    /// <summary>True when the n-th item (from 0) of this annotator is a gold slot.</summary>
    public bool IsGold(long n) => _rate > 0 && (Mix(_key + (ulong)n) >> 11) * (1.0 / (1UL << 53)) < _rate;

    /// <summary>Up to <paramref name="count"/> gold items this annotator may get, in their own seeded order.</summary>
    public async Task<List<long>> ItemsAsync(LabelforgeDb db, long projectId, List<long> exclude, int count, CancellationToken ct)
    {
        var offset = (long)(_key % (ulong)SeededRandomStrategy.Modulus);
        return await db.GoldItems.Where(g => g.ProjectId == projectId
                && !exclude.Contains(g.ItemId)
                && !db.ItemLeases.Any(l => l.ItemId == g.ItemId && l.Annotator == annotator)
                && !db.ItemSkips.Any(s => s.ProjectId == projectId && s.Annotator == annotator && s.ItemId == g.ItemId)
                && !db.Annotations.Any(a => a.ItemId == g.ItemId && a.Author == annotator))
            .OrderBy(g => ((g.ItemId % SeededRandomStrategy.Modulus * SeededRandomStrategy.Multiplier % SeededRandomStrategy.Modulus) + offset) % SeededRandomStrategy.Modulus)
            .ThenBy(g => g.ItemId)
            .Select(g => g.ItemId).Take(count).ToListAsync(ct);
    }

    /// <summary>The claim's items in slot order: gold slots take gold items while there are any, the rest the ordinary queue.</summary>
    public static List<long> Interleave(bool[] slots, List<long> gold, List<long> ordinary)
    {
        var result = new List<long>(slots.Length);
        int g = 0, o = 0;
        foreach (var slot in slots)
        {
            if (slot && g < gold.Count)
                result.Add(gold[g++]);
            else if (o < ordinary.Count)
                result.Add(ordinary[o++]);
            else if (g < gold.Count)
                result.Add(gold[g++]);
        }
        return result;
    }

    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
            hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    // SplitMix64's finalizer: a well-mixed 64-bit value from any input.
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
