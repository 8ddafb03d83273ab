namespace Labelforge.Core.Models;

/// <summary>
/// One trained model of a project: versions count up per <see cref="Name"/>; its predictions are authored
/// model:{Name}@{Version}. Immutable once stored. The serialized model lives in <see cref="Blob"/>, inside the
/// database, so a copy or backup of the project file carries its models and a version can never lose its weights.
/// </summary>
public sealed class ModelVersion
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public required string Name { get; set; }

    public int Version { get; set; }

    /// <summary>Wire name of the model kind, see <see cref="ModelKinds"/>.</summary>
    public required string Kind { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Taxonomy version the training labels were resolved under.</summary>
    public int TaxonomyVersion { get; set; }

    /// <summary>Examples the stored model was trained on (human plus weighted programmatic ones).</summary>
    public int TrainingItems { get; set; }

    /// <summary>Training examples per label name, as a JSON object.</summary>
    public required string LabelCountsJson { get; set; }

    /// <summary>Label id of each class index, as a JSON array: class j of the model predicts label ClassLabelIds[j].</summary>
    public required string ClassLabelIdsJson { get; set; }

    /// <summary>Training options (seed, features, trainer, evaluation), as a JSON object.</summary>
    public required string OptionsJson { get; set; }

    /// <summary>Evaluation metrics (accuracy, macro-F1, per-class F1, ECE, where measured), as a JSON object.</summary>
    public required string MetricsJson { get; set; }

    /// <summary>
    /// Confidence and correctness of the evaluation model on each held-out item, as JSON
    /// {"confidence":[...],"correct":[...]}: verified evidence auto-accept can use without new human labels.
    /// </summary>
    public required string HeldOutJson { get; set; }

    /// <summary>The highest annotation id when training read the labels: labels with larger ids are unseen by this model.</summary>
    public long TrainedThroughAnnotationId { get; set; }

    public double TrainingSeconds { get; set; }

    /// <summary>The serialized model (format chosen by <see cref="Kind"/>).</summary>
    public required byte[] Blob { get; set; }

    /// <summary>The annotation author of this version's predictions.</summary>
    public string Author => ModelKinds.Author(Name, Version);
}
