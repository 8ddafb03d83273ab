namespace Labelforge.Core.Accounts;

/// <summary>A project member as listings show them.</summary>
public sealed record MemberSummary(long ProjectId, string User, ProjectRole Role);
