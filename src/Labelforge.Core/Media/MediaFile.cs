namespace Labelforge.Core.Media;

/// <summary>
/// A stored image ready to serve: its key, media type, length and last change. <see cref="OpenRead"/> gives a
/// seekable stream, so an HTTP range request reads only the bytes it asks for.
/// </summary>
public sealed record MediaFile(string Key, string MediaType, long Length, DateTimeOffset LastModified, Func<Stream> OpenRead);
