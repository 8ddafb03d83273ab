using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>
/// A set's stored label matrix as the last apply left it: the set version it came from, its functions
/// (names, fingerprints, fault counts) in column order, and one row per item in id order.
/// </summary>
internal sealed record LabelingFunctionStoredMatrix(
    int Version,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Fingerprints,
    IReadOnlyList<long> Faults,
    IReadOnlyList<long> ItemIds,
    LabelMatrix Matrix)
{
    public int Column(string function)
    {
        for (var j = 0; j < Names.Count; j++)
        {
            if (string.Equals(Names[j], function, StringComparison.Ordinal))
                return j;
        }
        return -1;
    }
}
