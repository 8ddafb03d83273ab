namespace Labelforge.Cli.Output;

/// <summary>A failure the user can fix (bad arguments, bad input file): printed to stderr without a stack trace.</summary>
public sealed class CliException : Exception
{
    public CliException(string message, int exitCode = 1) : base(message) => ExitCode = exitCode;

    public CliException() : this("command failed") { }

    public CliException(string message, Exception innerException) : base(message, innerException) => ExitCode = 1;

    public int ExitCode { get; }
}
