using Labelforge.Core.Common;

namespace Labelforge.Core.Export;

/// <summary>
/// How a current-labels export decides an item's <see cref="ExportItem.Labels"/> from its authors' current annotations
/// (<see cref="ExportItem.ByAuthor"/> always lists them all). Wire names: <c>all</c>, <c>latest</c>, <c>majority</c>, <c>consensus</c>.
/// </summary>
public enum ExportResolve
{
    /// <summary>The default: the union of every author's current labels (models' pre-labels only when asked for).</summary>
    All,

    /// <summary>The labels of the latest given annotation (human, imported or a reviewer's).</summary>
    Latest,

    /// <summary>
    /// The label set most authors gave among the current given annotations (one vote per author); a tie goes to the set
    /// voted most recently.
    /// </summary>
    Majority,

    /// <summary>The latest consensus annotation's label (`labelforge consensus PROJECT`); an item without one falls back to <see cref="Latest"/>.</summary>
    Consensus,
}

/// <summary>Wire names of <see cref="ExportResolve"/>.</summary>
public static class ExportResolves
{
    public static string ToWire(this ExportResolve resolve) => resolve.ToString().ToLowerInvariant();

    /// <summary>The mode a wire name names (null: <see cref="ExportResolve.All"/>), or an Invalid error listing them.</summary>
    public static ExportResolve Parse(string? wire)
    {
        if (string.IsNullOrWhiteSpace(wire))
            return ExportResolve.All;
        foreach (var candidate in Enum.GetValues<ExportResolve>())
        {
            if (string.Equals(candidate.ToWire(), wire.Trim(), StringComparison.OrdinalIgnoreCase))
                return candidate;
        }
        throw LabelforgeException.Invalid($"Unknown resolve mode '{wire}'; use all (the default), latest, majority or consensus.");
    }
}
