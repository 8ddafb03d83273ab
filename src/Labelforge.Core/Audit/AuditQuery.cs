namespace Labelforge.Core.Audit;

/// <summary>A page of the audit log, newest first, optionally filtered. Defaults live here once (API and CLI use them).</summary>
public sealed record AuditQuery(
    string? Action = null,
    string? Actor = null,
    long? ProjectId = null,
    DateTimeOffset? Since = null,
    int Page = 1,
    int PageSize = AuditQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 100;

    public const int MaxPageSize = 1000;

    public void Validate()
    {
        if (Page < 1)
            throw Common.LabelforgeException.Invalid("page must be 1 or more.");
        if (PageSize is < 1 or > MaxPageSize)
            throw Common.LabelforgeException.Invalid($"page_size must be between 1 and {MaxPageSize}.");
        if (Action is { Length: > 0 } a && !AuditActions.All.Contains(a))
            throw Common.LabelforgeException.Invalid($"Unknown audit action '{a}'. Known: {string.Join(", ", AuditActions.All)}.");
    }
}
