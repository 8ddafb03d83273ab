using Labelforge.Core.Annotations;
using Labelforge.Core.Export;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Import.Readers.Objects;
using Labelforge.Core.Media;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Import.Readers.Objects;

/// <summary>
/// Image-objects projects for the format tests: import a file with a reader, export it, and read every item's current
/// objects back as comparable text (image path → label, shape and attributes in drawn order).
/// </summary>
internal sealed class ObjectProjects : IAsyncDisposable
{
    public ImportTestFiles.TempFolder Temp { get; } = new();

    public TestDb Db { get; private set; } = null!;

    private int _projects;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public FolderMediaStore Store => new(System.IO.Path.Combine(Temp.Root, "media"));

    public string Path(string name) => System.IO.Path.Combine(Temp.Root, name);

    public async Task<Project> ProjectAsync()
    {
        Db ??= await TestDb.CreateAsync();
        return await Db.Get<ProjectOperations>().CreateAsync(new NewProject($"objects{++_projects}", TaskTypes.ImageObjects), Ct);
    }

    public ObjectImportSource Source(string? images = null) => new(Store, images);

    public async Task<ImportReport> ImportAsync(Project project, string path, ImportFormat format, IAsyncEnumerable<ImportEntry> entries, bool strict = false) =>
        await Db.Get<ImportOperations>().ImportAsync(project.Id, path, format, entries, new ImportOptions(Strict: strict, CreateLabels: true), ct: Ct);

    public async Task<string> ExportAsync(Project project, ExportFormat format)
    {
        var request = new ExportRequest(project.Id, format, History: false);
        if (format.IsFolder())
        {
            var folder = Path($"export-{project.Id}-{format.ToWire()}");
            await Db.Get<ExportOperations>().WriteFolderAsync(request, folder, Ct);
            return folder;
        }
        var file = Path($"export-{project.Id}.{format.ToWire()}.json");
        await using (var stream = File.Create(file))
            await Db.Get<ExportOperations>().WriteAsync(request, stream, Ct);
        return file;
    }

    /// <summary>Each item's latest annotation as text lines, by image path; items without one are left out.</summary>
    public async Task<SortedDictionary<string, string>> ObjectsAsync(Project project)
    {
        var resolver = await Db.Get<TaxonomyOperations>().ResolverAsync(project.Id, Ct);
        var items = await Db.Db.Items.AsNoTracking().Where(i => i.ProjectId == project.Id).ToDictionaryAsync(i => i.Id, i => i.Text, Ct);
        var annotations = await Db.Db.Annotations.AsNoTracking().Where(a => a.ProjectId == project.Id).OrderBy(a => a.Id).ToListAsync(Ct);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in annotations)
        {
            var value = (ObjectsValue)AnnotationValueJson.Read(a.LabelIdsJson, AnnotationValueKind.Objects);
            result[items[a.ItemId]] = string.Join("\n", value.Objects.Select(o => Text(o, resolver)));
        }
        return result;
    }

    public static string Text(ImageObject o, LabelResolver resolver)
    {
        var shape = o.Box is { } b
            ? $"box {R(b.X)} {R(b.Y)} {R(b.Width)} {R(b.Height)}"
            : "polygon " + string.Join(" ", o.Polygon!.Select(p => $"{R(p.X)},{R(p.Y)}"));
        var attributes = o.Attributes is null ? "" : " " + string.Join(" ", o.Attributes.Select(kv => $"{kv.Key}={kv.Value}"));
        return $"{resolver.Lookup.ReferenceOf(resolver.Resolve(o.LabelId))}: {shape}{attributes}";
    }

    /// <summary>The objects with every number rounded to 9 significant digits (and attributes dropped unless asked), for comparisons across unit changes.</summary>
    public static List<string> Rounded(SortedDictionary<string, string> objects, bool attributes = true)
    {
        var result = new List<string>();
        foreach (var (image, text) in objects)
        {
            foreach (var line in text.Split('\n'))
            {
                var tokens = line.Split(' ').Where(t => attributes || !t.Contains('=', StringComparison.Ordinal)).Select(t => string.Join(",", t.Split(',').Select(Round)));
                result.Add(image + " " + string.Join(" ", tokens));
            }
        }
        return result;
    }

    private static string Round(string number) =>
        double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v.ToString("G9", System.Globalization.CultureInfo.InvariantCulture)
            : number;

    private static string R(double v) => ObjectCoordinates.Text(v);

    public async ValueTask DisposeAsync()
    {
        if (Db is not null)
            await Db.DisposeAsync();
        Temp.Dispose();
    }
}
