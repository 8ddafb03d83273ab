using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Labelforge.Cli.Commands;
using Labelforge.Cli.Output;

namespace Labelforge.Cli.Tests.Output;

public class CliJsonTests
{
    // The same settings resolved by reflection alone: what the summaries were written with before the generated context.
    private static readonly JsonSerializerOptions Reflection = new(CliJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static TheoryData<object> Summaries() =>
    [
        new LabelingFunctionSummaries.ApplySummary("out/matrix é.csv", 3, 2, ["ham", "spam \"x\""], 0.25, double.NaN, 1, 2, 4,
            [new LabelingFunctionSummaries.FunctionRun("kw0", "keyword", "ab12", 0.5, 0, null), new LabelingFunctionSummaries.FunctionRun("c#", "csharp", "cd34", 1.0 / 3, 4, "boom <b>")]),
        new LabelErrorsCommand.LabelErrorsSummary(2, [5, 2], 0.125, 1e-7, 6, 2),
    ];

    [Theory]
    [MemberData(nameof(Summaries))]
    public void Generated_metadata_writes_what_reflection_wrote(object summary)
    {
        using var generated = new StringWriter();
        CliJson.Write(generated, summary);

        Assert.Equal(JsonSerializer.Serialize(summary, summary.GetType(), Reflection) + Environment.NewLine, generated.ToString());
        Assert.True(CliJsonContext.Default.GetTypeInfo(summary.GetType()) is not null, "the summary should have generated metadata");
    }
}
