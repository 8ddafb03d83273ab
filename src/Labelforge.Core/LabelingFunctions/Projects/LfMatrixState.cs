namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>Which functions (names and fingerprints, in column order) the stored matrix rows of a set hold.</summary>
public sealed class LfMatrixState
{
    public long ProjectId { get; set; }

    public required string SetName { get; set; }

    public int Version { get; set; }

    public required string NamesJson { get; set; }

    public required string FingerprintsJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
