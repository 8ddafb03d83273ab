namespace Labelforge.Core.Consensus;

/// <summary>A stored consensus run as the API and CLI show it, with each annotator's estimated quality.</summary>
public sealed record ConsensusRunView(
    long Id,
    string Method,
    string Author,
    int Seed,
    DateTimeOffset CreatedAt,
    int Items,
    int Annotators,
    int Answers,
    int Iterations,
    bool Converged,
    double Seconds,
    IReadOnlyList<string> Classes,
    IReadOnlyList<AnnotatorQualityView> Quality);

/// <summary>
/// One annotator's quality in a run: answers read, the method's number (<see cref="ConsensusAnnotatorQuality.Skill"/>)
/// and, for Dawid-Skene, the confusion matrix P(answer | true class), rows and columns in the run's class order.
/// </summary>
public sealed record AnnotatorQualityView(string Annotator, int Labels, double Skill, IReadOnlyList<IReadOnlyList<double>>? Confusion);
