namespace Labelforge.Core.Queues;

/// <summary>
/// Progress of a project's human labeling: items this annotator labeled, items with any human label, and all items.
/// </summary>
public sealed record QueueProgress(long AnnotatorDone, long ProjectDone, long Total);
