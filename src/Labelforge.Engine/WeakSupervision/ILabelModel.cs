namespace Labelforge.Engine.WeakSupervision;

/// <summary>
/// A model that turns a label matrix into probabilistic labels: fit it on a training matrix (no gold),
/// then ask for P(Y = y | Λᵢ) per row, an (n × k) array whose rows sum to 1.
/// </summary>
public interface ILabelModel
{
    /// <summary>Wire name (majority, label-model, dawid-skene).</summary>
    string Name { get; }

    /// <summary>Learns the model's parameters from <paramref name="train"/> with labels 0..cardinality-1.</summary>
    LabelModelDiagnostics Fit(LabelMatrix train, int cardinality);

    /// <summary>P(Y = y | row) for every row; requires <see cref="Fit"/> first.</summary>
    double[,] PredictProbabilities(LabelMatrix matrix);
}
