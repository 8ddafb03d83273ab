using System.Globalization;
using Labelforge.Core.Agreement;

namespace Labelforge.Cli.Consensus;

/// <summary>The text form of a project's <see cref="AgreementReport"/>: the overall line, the groups as a table, the alerts.</summary>
internal static class ProjectAgreementText
{
    public static string Of(AgreementReport report)
    {
        var lines = new List<string>
        {
            $"{report.Metric}: {Format(report.Overall.Value)}{Interval(report.Overall)} over {report.Items} items, {report.Annotators} annotators, {report.Answers} answers",
        };
        if (report.By is not null)
        {
            lines.Add($"{report.By,-28} {"items",7} {"answers",8} {"value",8}  95% interval");
            foreach (var g in report.Groups)
                lines.Add($"{g.Key,-28} {g.Items,7} {g.Answers,8} {Format(g.Value),8} {Interval(new AgreementEstimate(g.Value, g.Lower, g.Upper))}");
        }
        foreach (var alert in report.Alerts)
            lines.Add("alert: " + alert.Message);
        return string.Join(Environment.NewLine, lines);
    }

    private static string Interval(AgreementEstimate e) =>
        e is { Lower: { } lo, Upper: { } hi } ? $" [{Format(lo)}..{Format(hi)}]" : "";

    private static string Format(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "undefined";
}
