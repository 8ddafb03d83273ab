namespace Labelforge.Core.LabelingFunctions.Projects.Fitting;

/// <summary>
/// What fitting a label model on a project's stored label matrix did: the model, the annotations author
/// (lf:SET@VERSION) and how many programmatic annotations it wrote, the class balance, how the model rates each
/// function, and (where covered items carry gold labels) the model's accuracy against them.
/// </summary>
public sealed record LabelingFunctionFitResult(
    string Set,
    int Version,
    string Author,
    string Model,
    int Items,
    int Covered,
    long Annotations,
    int Iterations,
    bool Converged,
    IReadOnlyList<LabelingFunctionClassShare> ClassBalance,
    IReadOnlyList<LabelingFunctionWeight> Functions,
    int HumanLabeled,
    double? HumanAccuracy,
    double Seconds);
