using Labelforge.Cli.Input;

namespace Labelforge.Bench;

/// <summary>The shared labeled text sets the training and active-learning suites use.</summary>
internal static class BenchData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Datasets => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "datasets"));

    public static LabeledText SmsSpam() =>
        LabeledTextReader.Read(Path.Combine(Datasets, "sms-spam", "uci-raw", "SMSSpamCollection"), "tsv", "SMS", "Label");

    public static LabeledText SpamAssassin() =>
        LabeledTextReader.Read(Path.Combine(Datasets, "spam-assassin", "spam_assassin.jsonl.gz"), null, "text", "label");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Labelforge.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Labelforge.slnx not found above " + AppContext.BaseDirectory);
    }
}
