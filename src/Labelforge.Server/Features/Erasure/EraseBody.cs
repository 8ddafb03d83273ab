namespace Labelforge.Server.Features.Erasure;

/// <summary>
/// Body of POST /api/projects/{id}/erasures: an external id or a search term (exactly one), why, and whether only to
/// preview (<c>dry_run</c>: what would go, nothing changes).
/// </summary>
public sealed record EraseBody(string? ExternalId, string? Search, string? Reason, bool? DryRun);
