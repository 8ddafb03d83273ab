using Labelforge.Core.Common;
using Labelforge.Engine.AutoAccept;

namespace Labelforge.Core.Models;

/// <summary>
/// Auto-accept settings: the model (NAME or NAME@VERSION; null = the latest trained), the precision target, the
/// confidence level of its bound (1 - α), and whether to only report (<see cref="DryRun"/>) without writing.
/// Defaults: the latest model, target precision 0.98 (<see cref="AutoAcceptOptions.DefaultTargetPrecision"/>),
/// confidence 0.95 (<see cref="DefaultConfidence"/>), not a dry run, Clopper-Pearson; the API and the CLI take theirs from here.
/// </summary>
public sealed record AutoAcceptRequest(string? Model = null, double TargetPrecision = AutoAcceptOptions.DefaultTargetPrecision,
    double Confidence = AutoAcceptRequest.DefaultConfidence, bool DryRun = false, PrecisionBound Bound = PrecisionBound.ClopperPearson)
{
    /// <summary>The default confidence level of the precision bound.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>Both levels must lie strictly between 0 and 1.</summary>
    public void Validate()
    {
        if (Confidence is <= 0 or >= 1)
            throw LabelforgeException.Invalid($"Confidence must be between 0 and 1 (got {Confidence}).");
        if (TargetPrecision is <= 0 or >= 1)
            throw LabelforgeException.Invalid($"Target precision must be between 0 and 1 (got {TargetPrecision}).");
    }
}
