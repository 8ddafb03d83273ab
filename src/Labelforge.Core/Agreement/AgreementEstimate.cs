namespace Labelforge.Core.Agreement;

/// <summary>A coefficient with its bootstrap 95% interval; null where undefined (no pairable items, no variation) or not bootstrapped.</summary>
public sealed record AgreementEstimate(double? Value, double? Lower, double? Upper);
