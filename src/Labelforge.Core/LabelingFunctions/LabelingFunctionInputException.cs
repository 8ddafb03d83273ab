namespace Labelforge.Core.LabelingFunctions;

/// <summary>A problem in an input file (documents, label matrix, gold labels): which file, which line (0 = whole file), and what to do.</summary>
public sealed class LabelingFunctionInputException : Exception
{
    public LabelingFunctionInputException(string file, long line, string message)
        : base(line > 0 ? $"{file}:{line}: {message}" : $"{file}: {message}")
    {
        File = file;
        Line = line;
    }

    public LabelingFunctionInputException()
    {
        File = "";
    }

    public LabelingFunctionInputException(string message) : base(message)
    {
        File = "";
    }

    public LabelingFunctionInputException(string message, Exception innerException) : base(message, innerException)
    {
        File = "";
    }

    public string File { get; }

    public long Line { get; }
}
