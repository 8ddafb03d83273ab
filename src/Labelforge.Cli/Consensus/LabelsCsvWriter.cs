using System.Globalization;
using Labelforge.Core.Csv;
using Labelforge.Engine;
using Labelforge.Engine.Consensus;

namespace Labelforge.Cli.Consensus;

/// <summary>Writes inferred labels as item,label,confidence (RFC 4180 quoting; an abstained item has an empty label).</summary>
public static class LabelsCsvWriter
{
    public static void Write(string path, AnswerTable table, ConsensusResult result)
    {
        using var writer = new StreamWriter(path);
        writer.NewLine = "\n";
        writer.WriteLine("item,label,confidence");
        for (var i = 0; i < table.ItemNames.Length; i++)
        {
            var label = result.Labels[i];
            writer.Write(CsvText.Field(table.ItemNames[i]));
            writer.Write(',');
            writer.Write(label == LabelIndex.Abstain ? string.Empty : CsvText.Field(table.LabelNames[label]));
            writer.Write(',');
            writer.WriteLine(result.Confidence(i).ToString("0.######", CultureInfo.InvariantCulture));
        }
    }
}
