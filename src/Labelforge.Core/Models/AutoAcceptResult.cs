using Labelforge.Engine.AutoAccept;

namespace Labelforge.Core.Models;

/// <summary>
/// What auto-accept found: the model author, the threshold result (null threshold: not enough evidence), where the
/// verified items came from (held-out split at training, human labels added after training), the unlabeled items
/// with predictions, and how many model-accepted annotations were written (0 in a dry run).
/// </summary>
public sealed record AutoAcceptResult(string Author, AutoAcceptThreshold Threshold, int HeldOutVerified, int LaterHumanVerified,
    int PredictedUnlabeled, int Accepted, bool DryRun, double Seconds);
