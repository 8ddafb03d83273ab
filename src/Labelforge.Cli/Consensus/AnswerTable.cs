using Labelforge.Engine.Consensus;

namespace Labelforge.Cli.Consensus;

/// <summary>Answers read from a file: the engine's int arrays plus the names behind every index.</summary>
public sealed class AnswerTable
{
    public required string Path { get; init; }

    public required CrowdAnswers Answers { get; init; }

    public required string[] ItemNames { get; init; }

    public required string[] AnnotatorNames { get; init; }

    /// <summary>Label names in index order: ascending by value when all are numbers, else ordinal string order.</summary>
    public required string[] LabelNames { get; init; }

    /// <summary>The number of each label when every label parses as one; otherwise null.</summary>
    public double[]? LabelValues { get; init; }

    /// <summary>Line of the first answer carrying each label (for error messages).</summary>
    public required int[] LabelFirstLines { get; init; }

    /// <summary>Rows with an empty label, read as "no answer".</summary>
    public int SkippedRows { get; init; }
}
