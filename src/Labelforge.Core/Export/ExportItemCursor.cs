using System.Text;
using Labelforge.Core.Annotations;
using Labelforge.Core.Data;
using Labelforge.Core.Items;

namespace Labelforge.Core.Export;

/// <summary>
/// A project's items in id order, in their stored form (see <see cref="ItemDocument"/>) as the store's UTF-8 bytes,
/// each with its current labels: two ordered reads merged by item id, the items table and
/// <see cref="CurrentAnnotationStream"/>. One item in memory at a time; spans are valid until the next
/// <see cref="Read"/>. JSON Lines writes the bytes as they are; the other formats take <see cref="ToItem"/>.
/// </summary>
internal sealed class ExportItemCursor : IDisposable
{
    /// <summary>Columns: Id, ExternalId, Text, DataJson, TextSlot.</summary>
    public const string ItemsSql = "SELECT Id, ExternalId, Text, DataJson, TextSlot FROM items WHERE ProjectId = @project ORDER BY Id";

    private static readonly string ModelKind = AnnotationKind.Model.ToWire();

    private readonly IUtf8RowReader _items;
    private readonly Func<CurrentAnnotationStream> _openAnnotations;
    private readonly bool _includeModel;
    private readonly ExportResolve _resolve;
    private readonly List<(long Id, ExportAuthorLabels Labels)> _authors = [];
    private CurrentAnnotationStream? _annotations;

    /// <summary>
    /// <paramref name="openAnnotations"/> is called once the first item is read, so on SQLite both reads share that
    /// statement's snapshot (a connection holds one read transaction while any of its statements is stepping).
    /// </summary>
    public ExportItemCursor(IUtf8RowReader items, Func<CurrentAnnotationStream> openAnnotations, bool includeModel,
        ExportResolve resolve = ExportResolve.All) =>
        (_items, _openAnnotations, _includeModel, _resolve) = (items, openAnnotations, includeModel, resolve);

    public long ItemId { get; private set; }

    public bool HasExternalId => !_items.IsNull(1);

    public ReadOnlySpan<byte> ExternalId => _items.GetUtf8(1);

    public ReadOnlySpan<byte> Text => _items.GetUtf8(2);

    public ReadOnlySpan<byte> StoredDataJson => _items.GetUtf8(3);

    public int? TextSlot => _items.IsNull(4) ? null : checked((int)_items.GetInt64(4));

    /// <summary>The item's labels as the export's <see cref="ExportResolve"/> decides them (default: the union in annotation id order).</summary>
    public IReadOnlyList<string> Labels { get; private set; } = [];

    /// <summary>The item's authors in the order of their current annotations.</summary>
    public IReadOnlyList<ExportAuthorLabels> ByAuthor { get; private set; } = [];

    public bool Read()
    {
        if (!_items.Read())
            return false;
        ItemId = _items.GetInt64(0);
        _annotations ??= _openAnnotations();
        _authors.Clear();
        _annotations.Take(ItemId, _authors);
        (Labels, ByAuthor) = _authors.Count == 0 ? ([], []) : Current(_authors, _includeModel, _resolve);
        return true;
    }

    /// <summary>The remaining items as <see cref="ExportItem"/>s (<see cref="ToItem"/>).</summary>
    public IEnumerable<ExportItem> Items(CancellationToken ct)
    {
        while (Read())
        {
            ct.ThrowIfCancellationRequested();
            yield return ToItem();
        }
    }

    /// <summary>The item with its whole document as strings, for the writers that take <see cref="ExportItem"/>s.</summary>
    public ExportItem ToItem()
    {
        var text = Encoding.UTF8.GetString(Text);
        var document = ItemDocument.Compose(text, Encoding.UTF8.GetString(StoredDataJson), TextSlot);
        return new ExportItem(ItemId, HasExternalId ? Encoding.UTF8.GetString(ExternalId) : null, text, document, Labels, ByAuthor);
    }

    public void Dispose()
    {
        _annotations?.Dispose();
        _items.Dispose();
    }

    private static (IReadOnlyList<string> Labels, IReadOnlyList<ExportAuthorLabels> ByAuthor) Current(
        List<(long Id, ExportAuthorLabels Labels)> authors, bool includeModel, ExportResolve resolve)
    {
        authors.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        var byAuthor = new ExportAuthorLabels[authors.Count];
        for (var i = 0; i < authors.Count; i++)
            byAuthor[i] = authors[i].Labels;
        if (resolve != ExportResolve.All)
            return (ExportResolution.Labels(byAuthor, resolve), byAuthor);
        var labels = new List<string>();
        for (var i = 0; i < authors.Count; i++)
        {
            if (!includeModel && byAuthor[i].Kind == ModelKind)
                continue;
            foreach (var name in byAuthor[i].Labels)
            {
                if (!labels.Contains(name))
                    labels.Add(name);
            }
        }
        return (labels, byAuthor);
    }
}
