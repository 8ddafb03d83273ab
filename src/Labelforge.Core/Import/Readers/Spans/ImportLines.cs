using System.Runtime.CompilerServices;
using System.Text;

namespace Labelforge.Core.Import.Readers.Spans;

/// <summary>
/// The lines of an import input as strings with their 1-based numbers (LF or CRLF ends, the CR dropped), for the
/// line formats whose records are small (CoNLL, spaCy JSONL). A line that is not UTF-8 or longer than
/// <see cref="ImportReaderOptions.MaxRecordBytes"/> comes back as null text with the problem.
/// </summary>
internal static class ImportLines
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async IAsyncEnumerable<(long Line, string? Text, string? Problem)> ReadAsync(
        ImportInput input, ImportReaderOptions options, [EnumeratorCancellation] CancellationToken ct)
    {
        var line = 1L;
        while (true)
        {
            var newline = input.Data.IndexOf((byte)'\n');
            if (newline < 0 && !input.Eof && input.Length < options.MaxRecordBytes)
            {
                await input.FillAsync(options.MaxRecordBytes, ct);
                continue;
            }
            if (newline < 0 && input.Length == 0)
                yield break;
            if (newline < 0 && !input.Eof)
            {
                await OversizedRows.SkipLineAsync(input, options, ct);
                yield return (line++, null, OversizedRows.Message(options));
                continue;
            }
            var length = newline < 0 ? input.Length : newline;
            var bytes = input.Data[..length];
            if (bytes.EndsWith("\r"u8))
                bytes = bytes[..^1];
            string? text = null, problem = null;
            try
            {
                text = Strict.GetString(bytes);
            }
            catch (DecoderFallbackException e)
            {
                problem = $"line is not valid UTF-8 (byte {e.Index + 1} of the line); save the file as UTF-8";
            }
            input.Advance(newline < 0 ? length : length + 1);
            yield return (line++, text, problem);
        }
    }
}
