namespace Labelforge.Cli.Input;

/// <summary>Texts with their label names, as read from a data file, and the sorted class names.</summary>
internal sealed record LabeledText(string[] Texts, int[] Labels, string[] ClassNames);
