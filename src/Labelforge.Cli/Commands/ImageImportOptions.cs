using Labelforge.Core.Import.Readers.Images;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Import.Readers.LabelStudio;
using Labelforge.Core.Import.Readers.Objects;
using System.CommandLine;
using Labelforge.Cli.Output;
using Labelforge.Core.Import;
using Labelforge.Core.Media;
using Labelforge.Core.Projects;

namespace Labelforge.Cli.Commands;

/// <summary>The options of `labelforge import` that only image folders take, and the reader they configure.</summary>
internal sealed class ImageImportOptions
{
    private readonly Option<bool> _reference = new("--reference") { Description = "Image folders: keep the images where they are (the media store records their paths) instead of copying them." };
    private readonly Option<bool> _labelFolders = new("--label-folders") { Description = "Image folders: label each image with the name of the folder holding it (ImageNet-style class folders)." };
    private readonly Option<string?> _labelsCsv = new("--labels-csv") { Description = "Image folders: a CSV of file,label rows (paths relative to the folder) giving the images' labels." };
    private readonly Option<string?> _images = new("--images") { Description = "coco, voc, yolo, label-studio (image projects): the folder holding the images the annotation files name (default: beside the annotation file or folder)." };
    private readonly Option<string?> _media = CommonOptions.Media();

    public void AddTo(Command command)
    {
        command.Options.Add(_reference);
        command.Options.Add(_labelFolders);
        command.Options.Add(_labelsCsv);
        command.Options.Add(_images);
        command.Options.Add(_media);
    }

    /// <summary>
    /// The format PATH is read as in <paramref name="project"/>: --format as given, else for image projects a folder
    /// is image-folder and a .json file coco (a COCO dataset) or label-studio; null leaves it to detection.
    /// </summary>
    public ImportFormat? Resolve(ParseResult parse, ImportFormat? format, string path, Project project)
    {
        var image = TaskTypes.IsImage(project.TaskType);
        var resolved = format;
        if (resolved is null && image && Directory.Exists(path))
            resolved = ImportFormat.ImageFolder;
        else if (resolved is null && image && File.Exists(path) && Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase))
            resolved = ImportReaders.Detect(path) is ImportFormat.Coco ? ImportFormat.Coco : ImportFormat.LabelStudio;
        var objects = resolved is { } r && ReadsImages(r, project);
        if (resolved != ImportFormat.ImageFolder && (parse.GetValue(_labelFolders) || parse.GetValue(_labelsCsv) is not null))
            throw new CliException("--label-folders and --labels-csv apply to image folders (--format image-folder)");
        if (resolved != ImportFormat.ImageFolder && !objects && parse.GetValue(_reference))
            throw new CliException("--reference applies to imports that read images (image-folder, coco, voc, yolo, label-studio in image projects)");
        if (!objects && parse.GetValue(_images) is not null)
            throw new CliException("--images applies to coco, voc, yolo and label-studio imports into image projects");
        return resolved;
    }

    /// <summary>True when <paramref name="format"/> names images on disk that the import reads into the media store (not image-folder).</summary>
    public static bool ReadsImages(ImportFormat format, Project project) =>
        format is ImportFormat.Coco or ImportFormat.Voc or ImportFormat.Yolo || (format == ImportFormat.LabelStudio && TaskTypes.IsImage(project.TaskType));

    /// <summary>The reader of an annotation file or folder that names images (<see cref="ReadsImages"/>).</summary>
    public IAsyncEnumerable<ImportEntry> ReadObjects(ParseResult parse, ImportFormat format, string path, string db, CancellationToken ct)
    {
        var given = parse.GetValue(_images);
        var images = given is null ? null : Path.GetFullPath(given);
        if (images is not null && !Directory.Exists(images))
            throw new CliException($"--images {given}: folder not found");
        var source = new ObjectImportSource(new FolderMediaStore(CommonOptions.MediaFolder(parse.GetValue(_media), db)), images, parse.GetValue(_reference));
        return format switch
        {
            ImportFormat.Coco => CocoReader.ReadAsync(path, source, ct),
            ImportFormat.Voc => VocReader.ReadAsync(path, source, ct),
            ImportFormat.Yolo => YoloReader.ReadAsync(path, source, ct),
            _ => LabelStudioImageReader.ReadAsync(path, source, ct),
        };
    }

    public IAsyncEnumerable<ImportEntry> Read(ParseResult parse, string path, string db, CancellationToken ct)
    {
        if (parse.GetValue(_labelFolders) && parse.GetValue(_labelsCsv) is not null)
            throw new CliException("give labels either by --label-folders or by --labels-csv, not both");
        var store = new FolderMediaStore(CommonOptions.MediaFolder(parse.GetValue(_media), db));
        return ImageFolderReader.ReadAsync(path, store, new ImageFolderOptions(parse.GetValue(_reference), parse.GetValue(_labelFolders), parse.GetValue(_labelsCsv)), ct);
    }
}
