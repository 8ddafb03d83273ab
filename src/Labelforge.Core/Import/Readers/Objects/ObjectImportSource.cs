using Labelforge.Core.Media;

namespace Labelforge.Core.Import.Readers.Objects;

/// <summary>
/// Where the image formats (COCO, VOC, YOLO, Label Studio tasks of image projects) find the images their files name,
/// and where the images go. <see cref="Images"/>: the folder the file names are relative to (null: the format's
/// default, the folder of the annotation file or folder). <see cref="Reference"/>: record the images' paths instead
/// of copying them into <see cref="Store"/>.
/// </summary>
public sealed record ObjectImportSource(IMediaStore Store, string? Images = null, bool Reference = false);
