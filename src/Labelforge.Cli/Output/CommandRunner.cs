using System.CommandLine;

namespace Labelforge.Cli.Output;

/// <summary>
/// Wraps a command body so user-fixable failures print one line to stderr and exit non-zero,
/// while bugs still surface with their type (never a silent success).
/// </summary>
internal static class CommandRunner
{
    public static void SetHandler(this Command command, Func<ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                return await body(parse, ct);
            }
            catch (Labelforge.Core.Common.LabelforgeException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return 1;
            }
            catch (CliException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return ex.ExitCode;
            }
            catch (IOException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return 1;
            }
            catch (UnauthorizedAccessException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return 1;
            }
            catch (OperationCanceledException)
            {
                await error.WriteLineAsync("error: cancelled");
                return 130;
            }
        });
}
