namespace Labelforge.Core.Media;

/// <summary>What an image file's header says: its format (as a media type and the key's file extension) and its size in pixels.</summary>
public sealed record ImageHeader(string MediaType, string Extension, int Width, int Height);
