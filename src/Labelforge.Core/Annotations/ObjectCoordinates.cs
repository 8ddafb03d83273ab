using System.Globalization;

namespace Labelforge.Core.Annotations;

/// <summary>
/// The coordinate conversions of the image formats, each as a pair: the reader's formula (file value to pixels of
/// the original image) and the writer's inverse. Doubles make a plain inverse lose the last bit now and then, so the
/// writer picks, among the few doubles next to the plain inverse, one the reader's formula maps back to exactly the
/// stored pixel value: an import, export and import again gives identical objects.
/// <list type="bullet">
/// <item>YOLO, normalized: w = wn * W, x = (cx - wn / 2) * W (and the same for y with H); polygon points px = xn * W.</item>
/// <item>Label Studio, percent: x = xp * W / 100 (width, points and y alike).</item>
/// <item>Pascal VOC, 1-based inclusive pixel indices: x = xmin - 1, w = xmax - xmin + 1 (a box covering pixels
/// xmin..xmax), so xmin = x + 1 and xmax = x + w.</item>
/// </list>
/// </summary>
public static class ObjectCoordinates
{
    public static double FromNormalized(double n, double size) => n * size;

    public static double FromNormalizedCenter(double center, double extentNormalized, double size) => (center - extentNormalized / 2) * size;

    public static double FromPercent(double percent, double size) => percent * size / 100;

    public static double FromVocMin(double min) => min - 1;

    public static double FromVocExtent(double min, double max) => max - min + 1;

    public static double ToNormalized(double pixels, double size) => Inverse(n => FromNormalized(n, size), pixels, pixels / size);

    public static double ToNormalizedCenter(double start, double extentNormalized, double size) =>
        Inverse(c => FromNormalizedCenter(c, extentNormalized, size), start, start / size + extentNormalized / 2);

    public static double ToPercent(double pixels, double size) => Inverse(p => FromPercent(p, size), pixels, pixels * 100 / size);

    public static double ToVocMin(double start) => Inverse(FromVocMin, start, start + 1);

    public static double ToVocMax(double min, double extent) => Inverse(max => FromVocExtent(min, max), extent, extent + min - 1);

    /// <summary>Shortest text that reads back as the same double, invariant culture ("R").</summary>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Reads a number as <see cref="Text"/> writes it; false for anything else (NaN and infinities included).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static double Inverse(Func<double, double> forward, double target, double guess)
    {
        if (!double.IsFinite(guess) || forward(guess) == target)
            return guess;
        var (up, down) = (guess, guess);
        for (var step = 0; step < 16; step++)
        {
            up = Math.BitIncrement(up);
            if (forward(up) == target)
                return up;
            down = Math.BitDecrement(down);
            if (forward(down) == target)
                return down;
        }
        return guess;
    }
}
