using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Labelforge.Cli.Output;

/// <summary>The `--json` summaries: snake_case keys, one JSON document on stdout.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
        // Generated metadata first (no reflection or emitted code for those summaries), reflection for the rest.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(CliJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    public static void Write(TextWriter output, object summary) =>
        output.WriteLine(JsonSerializer.Serialize(summary, summary.GetType(), Options));

    /// <summary>Prints the JSON summary with --json, otherwise the human-readable text.</summary>
    public static void Report(ParseResult parse, Option<bool> json, object summary, string text)
    {
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(json))
            Write(output, summary);
        else
            output.WriteLine(text);
    }
}
