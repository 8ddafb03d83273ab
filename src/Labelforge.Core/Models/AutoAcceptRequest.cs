using Labelforge.Engine.AutoAccept;

namespace Labelforge.Core.Models;

/// <summary>
/// Auto-accept settings: the model (NAME or NAME@VERSION; null = the latest trained), the precision target, the
/// confidence level of its bound (1 - α), and whether to only report (<see cref="DryRun"/>) without writing.
/// </summary>
public sealed record AutoAcceptRequest(string? Model = null, double TargetPrecision = 0.98, double Confidence = 0.95,
    bool DryRun = false, PrecisionBound Bound = PrecisionBound.ClopperPearson);
