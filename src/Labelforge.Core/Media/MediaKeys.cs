using System.Text.RegularExpressions;

namespace Labelforge.Core.Media;

/// <summary>
/// Media keys are content addresses: the lower-case hex SHA-256 of the file's bytes plus its format's extension
/// ("3f…e1.png"), so the same image imported twice is one stored file. A key is only ever checked against
/// <see cref="IsValid"/> before it names a path, which leaves no room for "..", separators or absolute paths.
/// </summary>
public static partial class MediaKeys
{
    [GeneratedRegex("^[0-9a-f]{64}\\.(png|jpg|gif|webp|bmp)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? key) => key is not null && Pattern().IsMatch(key);

    /// <summary>The key of content with SHA-256 <paramref name="sha256"/> in a file of format <paramref name="extension"/> (".png").</summary>
    public static string Of(ReadOnlySpan<byte> sha256, string extension) =>
        Convert.ToHexStringLower(sha256) + extension;

    /// <summary>The first 16 bytes of the SHA-256 the key names: an image item's content hash, so equal images dedupe as items too.</summary>
    public static byte[] ContentHash(string key)
    {
        if (!IsValid(key))
            throw new ArgumentException($"'{key}' is not a media key", nameof(key));
        return Convert.FromHexString(key.AsSpan(0, 32));
    }

    /// <summary>The media type of a valid key's format.</summary>
    public static string MediaType(string key) => Path.GetExtension(key) switch
    {
        ".png" => "image/png",
        ".jpg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".bmp" => "image/bmp",
        var other => throw new ArgumentException($"no media type for '{other}'", nameof(key)),
    };

    /// <summary>A short version tag for URLs (the first 16 hex digits), so a cached answer can be kept for good.</summary>
    public static string Version(string key) => key[..16];
}
