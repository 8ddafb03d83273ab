namespace Labelforge.Core.Events;

/// <summary>A recorded project event as listed.</summary>
public sealed record ProjectEventView(long Id, string Kind, string Key, string Details, DateTimeOffset CreatedAt);
