namespace Labelforge.Core.Media;

/// <summary>What <see cref="FolderMediaStore"/> records for a file kept where it is: its full path and the length and write time it had when added.</summary>
internal sealed record MediaReference(string Path, long Length, long LastWriteTicks);
