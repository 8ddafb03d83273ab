using Labelforge.Core.Common;

namespace Labelforge.Core.Consensus;

/// <summary>
/// A span consensus run: <see cref="Method"/> is majority (spans more than half the item's annotators marked exactly)
/// or dawid-skene (span-level Dawid–Skene, seeded by <see cref="Seed"/>); items with at least
/// <see cref="MinAnnotators"/> people's annotations get consensus spans.
/// </summary>
public sealed record SpanConsensusRequest(string Method = SpanConsensusRequest.Majority, int MinAnnotators = SpanConsensusRequest.DefaultMinAnnotators, int Seed = 42)
{
    public const string Majority = "majority";

    public const string DawidSkene = "dawid-skene";

    public const int DefaultMinAnnotators = 2;

    public static IReadOnlyList<string> Methods { get; } = [Majority, DawidSkene];

    /// <summary>The method's wire name, lower-cased; an unknown one or a min_annotators below 1 is an Invalid error.</summary>
    public string Validate()
    {
        if (MinAnnotators < 1)
            throw LabelforgeException.Invalid($"min_annotators must be at least 1 (got {MinAnnotators}).");
        var method = Method?.Trim().ToLowerInvariant();
        return Methods.Contains(method) ? method! : throw LabelforgeException.Invalid(
            $"Unknown span consensus method '{Method}'; a text-spans project takes {string.Join(" or ", Methods)}.");
    }
}
