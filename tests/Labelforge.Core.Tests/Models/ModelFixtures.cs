using System.Text.Json;
using Labelforge.Core.Models;

namespace Labelforge.Core.Tests.Models;

/// <summary>Stores model versions and predictions directly, so Core tests need no trained model.</summary>
internal static class ModelFixtures
{
    public static async Task<ModelVersion> VersionAsync(TestDb t, long projectId, string name = "m", HeldOutEvidence? heldOut = null, long through = 0) =>
        await t.Get<ModelOperations>().SaveAsync(new ModelVersion
        {
            ProjectId = projectId,
            Name = name,
            Kind = ModelKinds.Linear,
            LabelCountsJson = "{}",
            ClassLabelIdsJson = "[]",
            OptionsJson = "{}",
            MetricsJson = """{"accuracy":0.9}""",
            HeldOutJson = JsonSerializer.Serialize(heldOut ?? new HeldOutEvidence([], [])),
            TrainedThroughAnnotationId = through,
            Blob = [1, 2, 3],
        }, TestContext.Current.CancellationToken);

    public static HeldOutEvidence Evidence(params (double Confidence, bool Correct, int Count)[] groups) =>
        new([.. groups.SelectMany(g => Enumerable.Repeat(g.Confidence, g.Count))], [.. groups.SelectMany(g => Enumerable.Repeat(g.Correct, g.Count))]);

    public static async Task PredictAsync(TestDb t, long projectId, string author, IEnumerable<long> items, long labelId, long otherLabelId, double confidence) =>
        await t.Get<PredictionOperations>().WriteAsync(projectId, author, 1,
            [.. items.Select(i => new ModelPrediction(i, labelId, confidence, new Dictionary<long, double> { [labelId] = confidence, [otherLabelId] = 1 - confidence }))],
            ct: TestContext.Current.CancellationToken);

    public static (long Ham, long Spam) Labels(TestDb t, long projectId)
    {
        var labels = t.Db.Labels.Where(l => l.ProjectId == projectId).ToDictionary(l => l.Name, l => l.Id);
        return (labels["ham"], labels["spam"]);
    }
}
