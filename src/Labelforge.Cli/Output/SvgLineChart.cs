using System.Globalization;
using System.Net;
using System.Text;

namespace Labelforge.Cli.Output;

/// <summary>A small self-contained SVG line chart: one polyline per series, axes with ticks, a legend.</summary>
internal static class SvgLineChart
{
    private const int Width = 720, Height = 420, Left = 60, Right = 170, Top = 40, Bottom = 50;
    private static readonly string[] Colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#7f7f7f"];

    /// <summary>Renders series of (x, y) points; y is drawn from <paramref name="yMin"/> to 1.</summary>
    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<(string Name, IReadOnlyList<(double X, double Y)> Points)> series, double yMin = 0)
    {
        var xMax = Math.Max(1, series.SelectMany(s => s.Points).Select(p => p.X).DefaultIfEmpty(1).Max());
        double Px(double x) => Left + (x / xMax * (Width - Left - Right));
        double Py(double y) => Top + ((1 - ((Math.Clamp(y, yMin, 1) - yMin) / (1 - yMin))) * (Height - Top - Bottom));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Escape(title)}</text>\n");
        for (var t = 0; t <= 5; t++)
        {
            var y = yMin + ((1 - yMin) * t / 5);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Py(y):F1}\" y2=\"{Py(y):F1}\" stroke=\"#ddd\"/><text x=\"{Left - 6}\" y=\"{Py(y) + 4:F1}\" text-anchor=\"end\">{y:F2}</text>\n");
            var x = xMax * t / 5;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Px(x):F1}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{x:F0}</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"none\" stroke=\"#333\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 10}\" text-anchor=\"middle\">{Escape(xLabel)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(yLabel)}</text>\n");
        for (var s = 0; s < series.Count; s++)
        {
            var color = Colors[s % Colors.Length];
            var points = string.Join(' ', series[s].Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{Px(p.X):F1},{Py(p.Y):F1}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"/>\n");
            var ly = Top + 10 + (s * 20);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Width - Right + 12}\" x2=\"{Width - Right + 34}\" y1=\"{ly}\" y2=\"{ly}\" stroke=\"{color}\" stroke-width=\"3\"/><text x=\"{Width - Right + 40}\" y=\"{ly + 4}\">{Escape(series[s].Name)}</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
