using System.Text.Json.Serialization;
using Labelforge.Cli.Commands;

namespace Labelforge.Cli.Output;

/// <summary>
/// Compile-time JSON metadata for the summaries of the file commands that are often a whole short process
/// (`lf apply`, `label-errors`). Serializing by reflection first builds its converters and emits property accessors
/// at run time: about 130 methods compiled by the JIT, 40 ms of CPU in a new process, more than the detection it
/// reports. Other summaries (many anonymous types) still go through reflection; <see cref="CliJson.Options"/> asks
/// this context first. The settings repeat <see cref="CliJson.Options"/>, whose output stays the same.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    WriteIndented = true)]
[JsonSerializable(typeof(LabelingFunctionSummaries.ApplySummary))]
[JsonSerializable(typeof(LabelErrorsCommand.LabelErrorsSummary))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
