namespace Labelforge.Cli.Tests;

/// <summary>What one in-process `labelforge` run returned: exit code and the text it wrote to stdout and stderr.</summary>
internal readonly record struct CliResult(int Code, string Out, string Err);
