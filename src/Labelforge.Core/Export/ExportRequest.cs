using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Export.Writers;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers.LabelStudio;
using Labelforge.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Export;

/// <summary>
/// One export run: which project, which format, current labels or the full history. <see cref="IncludeModel"/>:
/// models' suggestions count as item labels (default: they are listed by author only). <see cref="Control"/>:
/// Label Studio control names for this export (default: the project's, see Project.LabelStudioFromName).
/// <see cref="Resolve"/>: how an item's labels are decided from its authors' (default <see cref="ExportResolve.All"/>, their union).
/// <see cref="Unmasked"/>: write texts and documents as stored; left false, the project's personal-data masking applies
/// (the server and CLI set it only for callers with the unmasked permission who ask for it).
/// </summary>
public sealed record ExportRequest(long ProjectId, ExportFormat Format, bool History, bool IncludeModel = false, LabelStudioControl? Control = null,
    ExportResolve Resolve = ExportResolve.All)
{
    public bool Unmasked { get; init; }

    /// <summary>Refuses a history export in a format that holds current labels only.</summary>
    public void Validate()
    {
        if (History && !Format.SupportsHistory())
            throw LabelforgeException.Invalid($"{Format.ToWire()} exports hold current labels only; use jsonl, csv or parquet for the history.");
    }
}
