using System.Data.Common;
using Labelforge.Core.Common;

namespace Labelforge.Core.Annotations;

/// <summary>
/// Prepared plain-SQL inserts of annotations and their label rows, for bulk producers (imports, labeling
/// functions, models) where EF change tracking would cost more than the insert. Runs inside the caller's transaction.
/// </summary>
internal sealed class AnnotationBulkWriter : IAsyncDisposable
{
    private readonly DbCommand _annotation;
    private readonly DbCommand _label;
    private readonly long _createdAtMs;

    public AnnotationBulkWriter(DbConnection connection, long projectId, long createdAtMs)
    {
        _annotation = SqlCommands.Create(connection,
            "INSERT INTO annotations (ProjectId, ItemId, Author, Kind, LabelIdsJson, Confidence, ProbabilitiesJson, TaxonomyVersion, GuidelineVersion, CreatedAt, TimeSpentMs, SupersedesId) " +
            // The guideline version comes from the project row, so every bulk producer records it without passing it.
            "VALUES (@project, @item, @author, @kind, @labels, @confidence, @probabilities, @version, (SELECT GuidelineVersion FROM projects WHERE Id = @project), @created, @spent, " +
            "(SELECT MAX(Id) FROM annotations WHERE ItemId = @item AND Author = @author)) RETURNING Id",
            "@project", "@item", "@author", "@kind", "@labels", "@confidence", "@probabilities", "@version", "@created", "@spent");
        _label = SqlCommands.Create(connection,
            "INSERT INTO annotation_labels (AnnotationId, LabelId, ItemId, ProjectId) VALUES (@annotation, @label, @item, @project)",
            "@annotation", "@label", "@item", "@project");
        _annotation.Parameters["@project"].Value = projectId;
        _createdAtMs = createdAtMs;
        _label.Parameters["@project"].Value = projectId;
    }

    public DbTransaction? Transaction
    {
        set
        {
            _annotation.Transaction = value;
            _label.Transaction = value;
        }
    }

    /// <summary>
    /// Appends an annotation that supersedes the author's previous one on the item, if any. Created at the writer's
    /// time unless <paramref name="createdAtMs"/> gives the source's own (an imported annotation's).
    /// </summary>
    public void Insert(long itemId, string author, string kind, IReadOnlyList<long> labelIds, double? confidence, string? probabilitiesJson,
        int taxonomyVersion, long? createdAtMs = null, long? timeSpentMs = null) =>
        Insert(itemId, author, kind, new ClassLabelsValue(labelIds), confidence, probabilitiesJson, taxonomyVersion, createdAtMs, timeSpentMs);

    /// <summary>Appends an annotation of any value kind (see <see cref="AnnotationValue"/>); its label rows are the value's distinct labels.</summary>
    public void Insert(long itemId, string author, string kind, AnnotationValue value, double? confidence, string? probabilitiesJson,
        int taxonomyVersion, long? createdAtMs = null, long? timeSpentMs = null)
    {
        var labelIds = value.LabelIds;
        _annotation.Parameters["@created"].Value = createdAtMs ?? _createdAtMs;
        _annotation.Parameters["@spent"].Value = (object?)timeSpentMs ?? DBNull.Value;
        _annotation.Parameters["@item"].Value = itemId;
        _annotation.Parameters["@author"].Value = author;
        _annotation.Parameters["@kind"].Value = kind;
        _annotation.Parameters["@labels"].Value = AnnotationValueJson.Write(value);
        _annotation.Parameters["@confidence"].Value = (object?)confidence ?? DBNull.Value;
        _annotation.Parameters["@probabilities"].Value = (object?)probabilitiesJson ?? DBNull.Value;
        _annotation.Parameters["@version"].Value = taxonomyVersion;
        var annotationId = Convert.ToInt64(_annotation.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        _label.Parameters["@annotation"].Value = annotationId;
        _label.Parameters["@item"].Value = itemId;
        foreach (var label in labelIds)
        {
            _label.Parameters["@label"].Value = label;
            _label.ExecuteNonQuery();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _annotation.DisposeAsync();
        await _label.DisposeAsync();
    }
}
