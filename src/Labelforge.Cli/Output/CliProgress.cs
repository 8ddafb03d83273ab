using System.CommandLine;
using Spectre.Console;

namespace Labelforge.Cli.Output;

/// <summary>
/// Progress of long work: a live Spectre.Console bar on an interactive terminal, plain lines on stderr
/// when output is redirected (logs, CI), and nothing on stdout so `--json` output stays parseable.
/// </summary>
internal static class CliProgress
{
    public static async Task<T> RunAsync<T>(ParseResult parse, string title, Func<IProgress<string>, Task<T>> work)
    {
        var interactive = !Console.IsOutputRedirected && !Console.IsErrorRedirected
            && ReferenceEquals(parse.InvocationConfiguration.Output, Console.Out);
        if (!interactive)
        {
            var error = parse.InvocationConfiguration.Error;
            return await work(new SyncProgress(m => error.WriteLine($"{title}: {m}")));
        }
        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(title);
                task.IsIndeterminate = true;
                result = await work(new SyncProgress(m => task.Description = $"{title}: {Markup.Escape(m)}"));
                task.StopTask();
            });
        return result;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SyncProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
