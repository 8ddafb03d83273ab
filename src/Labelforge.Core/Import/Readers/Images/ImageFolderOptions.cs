namespace Labelforge.Core.Import.Readers.Images;

/// <summary>
/// How an image folder is imported. <see cref="Reference"/>: keep the files where they are and record their paths
/// (default false: copy them into the media store, so moving or deleting the folder loses nothing).
/// <see cref="LabelsFromFolders"/>: each image's label is the name of the folder holding it, ImageNet style
/// (default false). <see cref="LabelsCsv"/>: a CSV of <c>file,label</c> rows (paths relative to the image folder,
/// an optional header row) giving labels (default null: none).
/// </summary>
public sealed record ImageFolderOptions(bool Reference = false, bool LabelsFromFolders = false, string? LabelsCsv = null);
