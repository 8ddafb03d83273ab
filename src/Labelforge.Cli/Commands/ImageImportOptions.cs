using Labelforge.Core.Import.Readers.Images;
using Labelforge.Core.Import.Readers;
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
    private readonly Option<string?> _media = CommonOptions.Media();

    public void AddTo(Command command)
    {
        command.Options.Add(_reference);
        command.Options.Add(_labelFolders);
        command.Options.Add(_labelsCsv);
        command.Options.Add(_media);
    }

    /// <summary>True when PATH is read as an image folder without --format saying so: a folder given to an image project.</summary>
    public bool Applies(ParseResult parse, ImportFormat? format, string path, Project project)
    {
        var image = format is null && Directory.Exists(path) && TaskTypes.IsImage(project.TaskType);
        if (!image && format != ImportFormat.ImageFolder && (parse.GetValue(_reference) || parse.GetValue(_labelFolders) || parse.GetValue(_labelsCsv) is not null))
            throw new CliException("--reference, --label-folders and --labels-csv apply to image folders (--format image-folder)");
        return image;
    }

    public IAsyncEnumerable<ImportEntry> Read(ParseResult parse, string path, string db, CancellationToken ct)
    {
        if (parse.GetValue(_labelFolders) && parse.GetValue(_labelsCsv) is not null)
            throw new CliException("give labels either by --label-folders or by --labels-csv, not both");
        var store = new FolderMediaStore(CommonOptions.MediaFolder(parse.GetValue(_media), db));
        return ImageFolderReader.ReadAsync(path, store, new ImageFolderOptions(parse.GetValue(_reference), parse.GetValue(_labelFolders), parse.GetValue(_labelsCsv)), ct);
    }
}
