namespace Labelforge.Core.Queues;

/// <summary>
/// The items a claim may hand one annotator (undecided, not leased, not skipped by them, not annotated by them), in the
/// two shapes the strategies walk: <see cref="Undecided"/>, rows of <c>undecided_items</c> (its key is the seeded-random
/// order), and <see cref="InImportOrder"/>, their ids in import order through <c>undecided_ranges</c>.
/// </summary>
public sealed record QueueCandidates(IQueryable<UndecidedItem> Undecided, IQueryable<long> InImportOrder);
