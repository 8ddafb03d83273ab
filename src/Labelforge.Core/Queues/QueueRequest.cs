namespace Labelforge.Core.Queues;

/// <summary>
/// Ask for the next <see cref="Count"/> items for <see cref="Annotator"/>. Items the annotator still holds come
/// first; <see cref="Exclude"/> lists items the client skipped this session, so a skip is not handed back at once.
/// </summary>
public sealed record QueueRequest(
    string Annotator,
    int Count = 5,
    string? Strategy = null,
    long Seed = 1,
    IReadOnlyList<long>? Exclude = null);
