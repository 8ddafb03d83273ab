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

    /// <summary>The five UCI YouTube Spam Collection comment files together (CONTENT, CLASS 0 = ham, 1 = spam), in file order.</summary>
    public static LabeledText YouTubeSpam()
    {
        var files = Directory.GetFiles(Path.Combine(Datasets, "youtube-spam", "uci-raw"), "*.csv").Order(StringComparer.Ordinal)
            .Select(f => LabeledTextReader.Read(f, "csv", "CONTENT", "CLASS")).ToList();
        string[] names = ["0", "1"];
        return new LabeledText([.. files.SelectMany(f => f.Texts)], [.. files.SelectMany(f => f.Labels.Select(y => Array.IndexOf(names, f.ClassNames[y])))], names);
    }

    /// <summary>CARER emotion train split as the reference curves use it: emotion.tsv, label (0-5) TAB text, no header.</summary>
    public static LabeledText Emotion()
    {
        var lines = File.ReadAllLines(Path.Combine(Datasets, "emotion-carer", "emotion.tsv"));
        var texts = new string[lines.Length];
        var labels = new int[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            labels[i] = int.Parse(lines[i][..tab], System.Globalization.CultureInfo.InvariantCulture);
            texts[i] = lines[i][(tab + 1)..];
        }
        return new LabeledText(texts, labels, ["sadness", "joy", "love", "anger", "fear", "surprise"]);
    }

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
