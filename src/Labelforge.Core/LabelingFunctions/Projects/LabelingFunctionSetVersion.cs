namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>
/// One stored version of a project's labeling-function set. Saving YAML that differs from the latest
/// version makes a new version; annotations it produces are authored lf:{Name}@{Version}.
/// </summary>
public sealed class LabelingFunctionSetVersion
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public required string Name { get; set; }

    public int Version { get; set; }

    public required string Yaml { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
