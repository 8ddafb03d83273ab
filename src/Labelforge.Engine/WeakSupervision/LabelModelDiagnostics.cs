namespace Labelforge.Engine.WeakSupervision;

/// <summary>What a label-model fit did: iterations run, the objective after each, whether it converged,
/// and the class balance it used or estimated.</summary>
/// <param name="Iterations">Optimizer iterations or EM rounds run (0 for closed-form models).</param>
/// <param name="Objective">Objective value after each iteration (loss or log-likelihood, per model).</param>
/// <param name="Converged">Whether the stopping tolerance was reached before the iteration cap.</param>
/// <param name="ClassBalance">P(Y = y) used by the model.</param>
public sealed record LabelModelDiagnostics(
    int Iterations,
    IReadOnlyList<double> Objective,
    bool Converged,
    IReadOnlyList<double> ClassBalance);
