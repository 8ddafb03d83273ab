using System.Security.Cryptography;
using System.Text;

namespace Labelforge.Core.Accounts;

/// <summary>Token secrets: `lf_` and 32 random bytes in base64url; stored as their SHA-256.</summary>
public static class TokenSecrets
{
    public const string Prefix = "lf_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
