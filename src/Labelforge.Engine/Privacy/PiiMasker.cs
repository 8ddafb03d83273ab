using System.Text;

namespace Labelforge.Engine.Privacy;

/// <summary>How a mask replaces a detection.</summary>
public enum PiiMaskStyle
{
    /// <summary>The kind's tag ("[EMAIL]"): easy to read; offsets after it move.</summary>
    Tag,

    /// <summary>
    /// As many characters as the detection: the tag, cut to fit, padded with '*' ("[EMAIL]**********" for
    /// "ann@example.org"); every offset stays where it was, so spans on the masked text are spans on the original.
    /// </summary>
    SameLength,
}

/// <summary>Replaces detections in a text with masks.</summary>
public static class PiiMasker
{
    /// <summary>
    /// <paramref name="text"/> with every detection replaced; <paramref name="detections"/> must be sorted and without
    /// overlaps (as <see cref="PiiDetector.Detect"/> returns them).
    /// </summary>
    public static string Mask(string text, IReadOnlyList<PiiDetection> detections, PiiMaskStyle style)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(detections);
        if (detections.Count == 0)
            return text;
        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var d in detections)
        {
            result.Append(text, at, d.Start - at);
            var tag = d.Kind.Tag();
            if (style == PiiMaskStyle.Tag)
                result.Append(tag);
            else if (d.Length >= tag.Length)
                result.Append(tag).Append('*', d.Length - tag.Length);
            else
                result.Append('*', d.Length);
            at = d.End;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }
}
