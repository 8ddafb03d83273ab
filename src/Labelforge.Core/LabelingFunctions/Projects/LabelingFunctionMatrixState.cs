namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>Which functions (names and fingerprints, in column order) the stored matrix rows of a set hold.</summary>
public sealed class LabelingFunctionMatrixState
{
    public long ProjectId { get; set; }

    public required string SetName { get; set; }

    public int Version { get; set; }

    public required string NamesJson { get; set; }

    public required string FingerprintsJson { get; set; }

    /// <summary>Items each function threw on (it abstained there), summed over the applies that computed its column; null before faults were kept.</summary>
    public string? FaultsJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
