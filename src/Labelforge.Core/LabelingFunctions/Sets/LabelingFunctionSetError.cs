namespace Labelforge.Core.LabelingFunctions.Sets;

/// <summary>A problem in a labeling-function set or one of its files: where (1-based line and column; 0 = unknown) and what to do.</summary>
public sealed record LabelingFunctionSetError(string File, int Line, int Column, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
