using System.CommandLine;

namespace Labelforge.Cli.Consensus;

/// <summary>Options naming the delimiter and columns of an answers file, shared by aggregate and agreement.</summary>
internal sealed class LayoutOptions
{
    public Option<string> Input { get; } = new("--input")
    {
        Description = "Answers file with a header row and columns item,annotator,label (one row per answer).",
        Required = true,
    };

    public Option<string> Delimiter { get; } = new("--delimiter")
    {
        Description = "Field delimiter: a single character, or 'tab'.",
        DefaultValueFactory = _ => ",",
    };

    public Option<string> ItemColumn { get; } = new("--item-column") { Description = "Header name of the item column.", DefaultValueFactory = _ => "item" };

    public Option<string> AnnotatorColumn { get; } = new("--annotator-column")
    {
        Description = $"Header name of the annotator column (default '{CsvLayout.DefaultAnnotatorColumn}', or '{CsvLayout.FallbackAnnotatorColumn}' when the header has no '{CsvLayout.DefaultAnnotatorColumn}').",
    };

    // The option's name before the vocabulary settled on "annotator"; still read, not listed in help.
    public Option<string> OldAnnotatorColumn { get; } = new("--worker-column") { Hidden = true };

    public Option<string> LabelColumn { get; } = new("--label-column") { Description = "Header name of the label column.", DefaultValueFactory = _ => "label" };

    public void AddTo(Command command)
    {
        command.Options.Add(Input);
        command.Options.Add(Delimiter);
        command.Options.Add(ItemColumn);
        command.Options.Add(AnnotatorColumn);
        command.Options.Add(OldAnnotatorColumn);
        command.Options.Add(LabelColumn);
    }

    public char ParseDelimiter(ParseResult parse) => ParseDelimiter(parse.GetValue(Delimiter) ?? ",");

    public static char ParseDelimiter(string text) => text switch
    {
        "tab" or "\\t" or "\t" => '\t',
        { Length: 1 } => text[0],
        _ => throw new Output.CliException($"--delimiter must be one character or 'tab', not '{text}'"),
    };

    public AnswerTable ReadAnswers(ParseResult parse) => AnswersCsvReader.Read(
        parse.GetValue(Input)!,
        new CsvLayout(ParseDelimiter(parse), parse.GetValue(ItemColumn)!, parse.GetValue(AnnotatorColumn) ?? parse.GetValue(OldAnnotatorColumn), parse.GetValue(LabelColumn)!));
}
