using Labelforge.Core.Annotations;

namespace Labelforge.Core.Adjudication;

/// <summary>The stored review annotation, whether it overturned the consensus, and whether this call created it (false for a retry).</summary>
public sealed record AdjudicationResult(AnnotationView Annotation, bool AgreesWithConsensus, bool Created);
