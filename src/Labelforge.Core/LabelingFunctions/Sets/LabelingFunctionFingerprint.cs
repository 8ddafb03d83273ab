using System.Security.Cryptography;
using System.Text;

namespace Labelforge.Core.LabelingFunctions.Sets;

/// <summary>Content fingerprints of labeling-function definitions: SHA-256 over a canonical text.</summary>
public static class LabelingFunctionFingerprint
{
    /// <summary>Hashes the parts in order, each length-prefixed so ("ab","c") and ("a","bc") differ.</summary>
    public static string Of(params string?[] parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            var text = part ?? "\u0000null";
            builder.Append(text.Length).Append(':').Append(text).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
