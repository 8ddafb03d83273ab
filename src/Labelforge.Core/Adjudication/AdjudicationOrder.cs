namespace Labelforge.Core.Adjudication;

/// <summary>How the adjudication queue is ordered (wire names of the <c>order</c> parameter).</summary>
public static class AdjudicationOrder
{
    /// <summary>Highest posterior entropy of the latest consensus run first (the default).</summary>
    public const string Disagreement = "disagreement";

    /// <summary>Items the latest label-error run flagged first, lowest label quality first; the rest after, by disagreement.</summary>
    public const string LabelError = "label-error";

    public static readonly string[] All = [Disagreement, LabelError];

    /// <summary>The order named by <paramref name="wire"/> (null: <see cref="Disagreement"/>), or an invalid-input error listing the choices.</summary>
    public static string Parse(string? wire) =>
        wire is null || wire.Length == 0 ? Disagreement
        : All.FirstOrDefault(o => string.Equals(o, wire, StringComparison.OrdinalIgnoreCase))
            ?? throw Common.LabelforgeException.Invalid($"Unknown adjudication order '{wire}'; use one of: {string.Join(", ", All)}.");
}
