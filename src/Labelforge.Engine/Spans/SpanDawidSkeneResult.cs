namespace Labelforge.Engine.Spans;

/// <summary>
/// Span-level Dawid–Skene consensus: each item's kept spans (null: nobody annotated it) with the posterior of each, in
/// the same order, and EM's iterations and whether it converged.
/// </summary>
public sealed record SpanDawidSkeneResult(IReadOnlyList<LabeledRange>?[] Spans, IReadOnlyList<double>?[] Posteriors, int Iterations, bool Converged);
