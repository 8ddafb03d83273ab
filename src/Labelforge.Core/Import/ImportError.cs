namespace Labelforge.Core.Import;

/// <summary>A problem in user data: which file, which line (1-based; 0 = the file as a whole), which field, and what to do.</summary>
public sealed record ImportError(string File, long Line, string? Field, string Message);
