namespace Labelforge.Core.Agreement;

/// <summary>A guideline or taxonomy version that started while the project was being labeled: where a chart marks a change.</summary>
public sealed record AgreementChange(string Kind, int Version, DateTimeOffset At, string Week);
