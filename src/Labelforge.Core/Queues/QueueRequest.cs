namespace Labelforge.Core.Queues;

/// <summary>
/// Ask for the next <see cref="Count"/> items for <see cref="Annotator"/>. Items the annotator still holds come
/// first; <see cref="Exclude"/> lists items the client skipped this session, so a skip is not handed back at once.
/// Defaults: 5 items, the project's strategy, seed 1, nothing excluded.
/// </summary>
public sealed record QueueRequest(
    string Annotator,
    int Count = QueueRequest.DefaultCount,
    string? Strategy = null,
    long Seed = QueueRequest.DefaultSeed,
    IReadOnlyList<long>? Exclude = null)
{
    /// <summary>Items one request claims unless it asks for another number.</summary>
    public const int DefaultCount = 5;

    /// <summary>The seed of the seeded-random order when neither the request nor the project's settings give one.</summary>
    public const long DefaultSeed = 1;

    /// <summary>
    /// Show the items as stored, personal data included; left false, the project's masking applies. The server sets it
    /// for managers only.
    /// </summary>
    public bool Unmasked { get; init; }
}
