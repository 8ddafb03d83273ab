using System.IO.Compression;
using System.Text;
using Labelforge.Cli.Output;

namespace Labelforge.Cli.Input;

/// <summary>Opens an input file as text, gunzipping transparently when the name ends in .gz.</summary>
internal static class InputFile
{
    public static StreamReader OpenText(string path)
    {
        if (!File.Exists(path))
            throw new CliException($"{path}: file not found; check the path");
        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            stream = new GZipStream(stream, CompressionMode.Decompress);
        return new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>The extension that names the format, ignoring a trailing .gz (for example "csv" for data.csv.gz).</summary>
    public static string FormatExtension(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
    }
}
