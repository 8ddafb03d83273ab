using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers.LabelStudio;
using Labelforge.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Export.Writers;

/// <summary>A project's Label Studio control names (from_name, to_name), which its Label Studio exports write.</summary>
public static class LabelStudioControlSettings
{
    /// <summary>Sets the names; a null part keeps the project's current one (or the default).</summary>
    public static async Task<LabelStudioControl> SetAsync(LabelforgeDb db, long projectId, string? fromName, string? toName, CancellationToken ct = default)
    {
        var project = await RequireProject.FindAsync(db.Projects, projectId, ct);
        foreach (var name in new[] { fromName, toName })
        {
            if (name is not null && string.IsNullOrWhiteSpace(name))
                throw LabelforgeException.Invalid("Label Studio control names may not be empty.");
        }
        var defaults = project.TaskType == Projects.TaskTypes.ImageClassification ? LabelStudioControl.DefaultImage : LabelStudioControl.Default;
        project.LabelStudioFromName = fromName ?? project.LabelStudioFromName ?? defaults.FromName;
        project.LabelStudioToName = toName ?? project.LabelStudioToName ?? defaults.ToName;
        await db.SaveChangesAsync(ct);
        return new LabelStudioControl(project.LabelStudioFromName, project.LabelStudioToName);
    }
}
