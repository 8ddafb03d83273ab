using System.Globalization;
using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Tests.Consensus;

/// <summary>
/// Dawid-Skene with smoothing 0 reproduces crowd-kit 1.4.1's <c>DawidSkene</c> item by item: its default run
/// (n_iter 100, tol 1e-5, which stops early) and all 100 EM steps, from the posteriors stored beside the shared
/// crowd datasets (<c>reference/</c>; crowd-kit clips posteriors at 1e-10, so ours are compared clipped too).
/// </summary>
public class CrowdKitReferenceTests
{
    private const double Tolerance = 1e-6;

    public static TheoryData<string, bool> Runs() => new()
    {
        { "snow2008/rte", false }, { "snow2008/rte", true },
        { "snow2008/temp", false }, { "snow2008/temp", true },
        { "snow2008/wsd", false }, { "snow2008/wsd", true },
        { "bluebirds", false }, { "bluebirds", true },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Smoothing_zero_gives_crowd_kit_posteriors(string set, bool allSteps)
    {
        var (answers, _, items) = set == "bluebirds" ? CrowdDatasets.BluebirdsWithItems() : CrowdDatasets.SnowWithItems(set["snow2008/".Length..]);
        var options = new ConsensusOptions { Smoothing = 0, Tolerance = allSteps ? double.NegativeInfinity : null };
        var result = DawidSkene.Run(answers, options);
        var reference = Reference(set, allSteps);
        Assert.Equal(items.Length, reference.Count);
        var k = answers.ClassCount;
        for (var i = 0; i < items.Length; i++)
        {
            var expected = reference[items[i]];
            for (var c = 0; c < k; c++)
                Assert.Equal(expected[c], Math.Max(result.Posteriors[(i * k) + c], 1e-10), Tolerance);
        }
        if (allSteps)
            Assert.Equal(100, result.Iterations);
    }

    [Fact]
    public void The_default_run_stops_where_crowd_kit_stops()
    {
        // crowd-kit's bound falls at the second step on Bluebirds: its rule stops there.
        var (answers, _) = CrowdDatasets.Bluebirds();
        var result = DawidSkene.Run(answers, new ConsensusOptions { Smoothing = 0 });
        Assert.Equal(2, result.Iterations);
        Assert.True(result.Converged);
    }

    /// <summary>Task id -> posteriors in the dataset's numeric label order (the file's p_ columns).</summary>
    private static Dictionary<string, double[]> Reference(string set, bool allSteps)
    {
        var folder = set == "bluebirds"
            ? Path.Combine(TestPaths.Datasets, "crowd-bluebirds", "reference")
            : Path.Combine(TestPaths.Datasets, "crowd-snow2008", "reference", set["snow2008/".Length..]);
        var file = Path.Combine(folder, allSteps ? "crowdkit-1.4.1-dawid-skene-100-steps.csv" : "crowdkit-1.4.1-dawid-skene.csv");
        var lines = File.ReadAllLines(file);
        var header = lines[0].Split(',');
        var columns = Enumerable.Range(2, header.Length - 2)
            .OrderBy(c => double.Parse(header[c]["p_".Length..], CultureInfo.InvariantCulture)).ToArray();
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(
            cells => cells[0],
            cells => columns.Select(c => double.Parse(cells[c], CultureInfo.InvariantCulture)).ToArray());
    }
}
