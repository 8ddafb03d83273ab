using Labelforge.Training.Projects;

namespace Labelforge.Server.Features.LabelErrors;

/// <summary>
/// The state of one label-error run on a project, written by its background task and read by requests.
/// <see cref="Status"/> is <c>idle</c> (never run since the server started), <c>running</c>, <c>done</c> or <c>failed</c>.
/// </summary>
public sealed record LabelErrorRun(
    long Id,
    long ProjectId,
    string Status,
    int Folds,
    int FoldsDone,
    DateTimeOffset StartedAt,
    double? Seconds,
    int? Items,
    string? Error,
    IReadOnlyList<SuspectedLabelError> Errors)
{
    public const string Idle = "idle";

    public const string Running = "running";

    public const string Done = "done";

    public const string Failed = "failed";
}
