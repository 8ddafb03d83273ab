using Labelforge.Core.Projects;

namespace Labelforge.Server.Features.Projects;

/// <summary>A project with its progress and guidelines; the span settings matter for text-spans projects only.</summary>
public sealed record ProjectDetail(
    long Id, string Name, string TaskType, bool MultiLabel, int TaxonomyVersion, int Labels, long Items, long LabeledItems,
    DateTimeOffset CreatedAt, string Guidelines, bool OverlappingSpans = false, bool SnapSpansToTokens = true, int GuidelineVersion = 0)
{
    public static ProjectDetail From(ProjectSummary s, Project project) =>
        new(s.Id, s.Name, s.TaskType, s.MultiLabel, s.TaxonomyVersion, s.Labels, s.Items, s.LabeledItems, s.CreatedAt, project.Guidelines,
            s.OverlappingSpans, s.SnapSpansToTokens, project.GuidelineVersion);
}
