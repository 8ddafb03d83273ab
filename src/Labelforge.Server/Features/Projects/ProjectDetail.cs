using Labelforge.Core.Projects;

namespace Labelforge.Server.Features.Projects;

/// <summary>A project with its progress and guidelines; the span settings matter for text-spans projects only.</summary>
public sealed record ProjectDetail(
    long Id, string Name, string TaskType, bool MultiLabel, int TaxonomyVersion, int Labels, long Items, long LabeledItems,
    DateTimeOffset CreatedAt, string Guidelines, bool OverlappingSpans = false, bool SnapSpansToTokens = true)
{
    public static ProjectDetail From(ProjectSummary s, string guidelines) =>
        new(s.Id, s.Name, s.TaskType, s.MultiLabel, s.TaxonomyVersion, s.Labels, s.Items, s.LabeledItems, s.CreatedAt, guidelines,
            s.OverlappingSpans, s.SnapSpansToTokens);
}
