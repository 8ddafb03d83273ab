using Labelforge.Core.Annotations;

namespace Labelforge.Core.Export;

/// <summary>
/// An image item of an image-objects export: its image (relative path as imported, size in pixels), its stored
/// document, and its latest given annotation's objects (null when nobody annotated it; empty for "no objects").
/// </summary>
internal sealed record ObjectExportItem(long Id, string? ExternalId, string Image, int Width, int Height, string Document,
    IReadOnlyList<ImageObject>? Objects, string? Author, string? Kind);
