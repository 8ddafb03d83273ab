using System.Globalization;

namespace Labelforge.Core.Agreement;

/// <summary>The ordered groups of answers for the time-like breakdowns (weeks, guideline and taxonomy versions).</summary>
internal static class AgreementSegments
{
    /// <summary>Answer indices per group key, groups in time or version order.</summary>
    public static IReadOnlyList<(string Key, List<int> Answers)> Of(ProjectAnswers data, AgreementBreakdown by)
    {
        var count = data.Answers.Count;
        var groups = new SortedDictionary<long, List<int>>();
        for (var a = 0; a < count; a++)
        {
            long key = by switch
            {
                AgreementBreakdown.Week => WeekNumber(data.CreatedAtMs[a]),
                AgreementBreakdown.GuidelineVersion => data.GuidelineVersions[a],
                AgreementBreakdown.TaxonomyVersion => data.TaxonomyVersions[a],
                _ => throw new ArgumentOutOfRangeException(nameof(by), by, "not a segment breakdown"),
            };
            if (!groups.TryGetValue(key, out var list))
                groups[key] = list = [];
            list.Add(a);
        }
        return [.. groups.Select(g => (Name(by, g.Key), g.Value))];
    }

    /// <summary>The ISO week of a time (UTC) as "2026-W48".</summary>
    public static string Week(DateTimeOffset at) => Name(AgreementBreakdown.Week, WeekNumber(at.ToUnixTimeMilliseconds()));

    /// <summary>ISO year * 100 + ISO week, which sorts in time order.</summary>
    private static long WeekNumber(long unixMs)
    {
        var day = DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime;
        return (ISOWeek.GetYear(day) * 100L) + ISOWeek.GetWeekOfYear(day);
    }

    private static string Name(AgreementBreakdown by, long key) => by switch
    {
        AgreementBreakdown.Week => string.Create(CultureInfo.InvariantCulture, $"{key / 100}-W{key % 100:00}"),
        AgreementBreakdown.GuidelineVersion when key < 0 => "unversioned",
        _ => key.ToString(CultureInfo.InvariantCulture),
    };
}
