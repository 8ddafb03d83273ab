using Labelforge.Training.TextClassification;

namespace Labelforge.Training.Tests;

/// <summary>Seeded short texts: each class has its own topic words mixed with shared filler words.</summary>
internal static class GeneratedTexts
{
    private static readonly string[][] Topics =
    [
        ["goal", "match", "striker", "league", "coach", "score"],
        ["stock", "market", "shares", "profit", "bank", "investor"],
        ["recipe", "oven", "flour", "sugar", "bake", "dinner"],
    ];

    private static readonly string[] Filler = ["the", "a", "today", "we", "said", "new", "after", "with", "big", "very"];

    public static TextExamples Make(int n, int seed, int classCount = 3)
    {
        var random = new Random(seed);
        var texts = new string[n];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = random.Next(classCount);
            var words = Enumerable.Range(0, 8).Select(w => random.NextDouble() < 0.35
                ? Topics[labels[i]][random.Next(Topics[labels[i]].Length)]
                : Filler[random.Next(Filler.Length)]);
            texts[i] = string.Join(' ', words);
        }
        return new TextExamples(texts, labels, classCount);
    }
}
