namespace Labelforge.Core.Consensus;

/// <summary>
/// What a span consensus run stored: its author (<c>consensus:METHOD@RUN</c>), the items it annotated, the spans in
/// all, the items left with no span, the annotators, and EM's iterations and convergence (1 and true for majority).
/// </summary>
public sealed record SpanConsensusResult(string Author, string Method, int Items, long Spans, int EmptyItems, int Annotators, int Iterations, bool Converged);
