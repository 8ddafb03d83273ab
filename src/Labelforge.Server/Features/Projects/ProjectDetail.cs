using Labelforge.Core.Projects;

namespace Labelforge.Server.Features.Projects;

/// <summary>A project with its progress and guidelines.</summary>
public sealed record ProjectDetail(
    long Id, string Name, string TaskType, bool MultiLabel, int TaxonomyVersion, int Labels, long Items, long LabeledItems,
    DateTimeOffset CreatedAt, string Guidelines)
{
    public static ProjectDetail From(ProjectSummary s, string guidelines) =>
        new(s.Id, s.Name, s.TaskType, s.MultiLabel, s.TaxonomyVersion, s.Labels, s.Items, s.LabeledItems, s.CreatedAt, guidelines);
}
