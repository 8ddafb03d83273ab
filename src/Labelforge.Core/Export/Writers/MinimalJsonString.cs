using System.Globalization;
using System.Text;

namespace Labelforge.Core.Export.Writers;

/// <summary>
/// A JSON string literal escaped only where JSON requires it (quote, backslash, control characters) and for lone
/// surrogates; everything else, emoji included, stays as it is. The JSON writer escapes characters outside the
/// Basic Multilingual Plane as surrogate pairs, which Python's <c>json.dumps(..., ensure_ascii=False)</c>, the way
/// spaCy-style files are usually written, does not; texts are written this way so such a file comes back byte for byte.
/// </summary>
internal static class MinimalJsonString
{
    public static string Quote(string value)
    {
        var json = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    json.Append("\\\"");
                    break;
                case '\\':
                    json.Append("\\\\");
                    break;
                case '\n':
                    json.Append("\\n");
                    break;
                case '\r':
                    json.Append("\\r");
                    break;
                case '\t':
                    json.Append("\\t");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        json.Append(c).Append(value[++i]);
                    else if (c < ' ' || char.IsSurrogate(c))
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        json.Append(c);
                    break;
            }
        }
        return json.Append('"').ToString();
    }
}
