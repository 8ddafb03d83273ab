namespace Labelforge.Cli.Output;

/// <summary>Standard input of the running command: the process's, or what an in-process run passed to <see cref="LabelforgeCli.RunAsync"/>.</summary>
internal static class CliInput
{
    private static readonly AsyncLocal<TextReader?> Current = new();

    public static TextReader Reader => Current.Value ?? Console.In;

    public static void Use(TextReader? reader) => Current.Value = reader;

    /// <summary>A text file a command reads (UTF-8, BOM dropped); a missing file is the command's error, not a crash.</summary>
    public static StreamReader OpenText(string path) =>
        File.Exists(path) ? new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true) : throw new CliException($"file '{path}' not found");

    /// <summary>The first line of standard input, e.g. a password given with --password-stdin.</summary>
    public static async Task<string> ReadSecretAsync(string what, CancellationToken ct)
    {
        var line = await Reader.ReadLineAsync(ct);
        if (string.IsNullOrEmpty(line))
            throw new CliException($"no {what} on standard input; pipe it in, e.g. `printf '%s\\n' \"$PASSWORD\" | labelforge ...`");
        return line;
    }
}
