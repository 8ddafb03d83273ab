namespace Labelforge.Core.Consensus;

/// <summary>
/// One consensus run over a project's current human labels (table consensus_runs). Its annotations are authored
/// <c>consensus:METHOD@ID</c> (<see cref="Author"/>); its per-annotator quality rows are <see cref="ConsensusAnnotatorQuality"/>.
/// </summary>
public sealed class ConsensusRun
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    /// <summary>Wire name of the method (<see cref="ConsensusMethods"/>): majority, weighted-majority, dawid-skene, one-coin, glad, mace.</summary>
    public required string Method { get; set; }

    public int Seed { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Items with at least one answer.</summary>
    public int Items { get; set; }

    public int Annotators { get; set; }

    public int Answers { get; set; }

    public int Iterations { get; set; }

    public bool Converged { get; set; }

    /// <summary>Seconds of the whole run: read, infer, write.</summary>
    public double Seconds { get; set; }

    /// <summary>The highest annotation id the run read: human labels above it are new since (the rerun trigger counts them).</summary>
    public long ThroughAnnotationId { get; set; }

    /// <summary>The label id of each class index, as a JSON array (confusion matrices are in this order).</summary>
    public required string ClassLabelIdsJson { get; set; }

    /// <summary>The author of this run's annotations.</summary>
    public string Author => AuthorOf(Method, Id);

    public static string AuthorOf(string method, long runId) => FormattableString.Invariant($"consensus:{method}@{runId}");
}
