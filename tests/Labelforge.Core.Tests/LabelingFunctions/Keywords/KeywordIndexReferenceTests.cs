using Labelforge.Core.LabelingFunctions;
using Labelforge.Core.LabelingFunctions.Functions;
using Labelforge.Core.LabelingFunctions.Keywords;
using Labelforge.Core.LabelingFunctions.Sets;
using Labelforge.Engine;

namespace Labelforge.Core.Tests.LabelingFunctions.Keywords;

/// <summary>
/// The one-pass keyword matcher against a plain reference (split into tokens, compare with
/// <see cref="StringComparison"/>, <c>string.Contains</c> for substrings) on seeded random documents and sets.
/// </summary>
public class KeywordIndexReferenceTests
{
    private static readonly string[] Words =
    [
        "free", "FREE", "Free", "win", "prize", "song", "songs", "love", "this", "is", "my", "channel", "ß", "straße",
        "STRASSE", "café", "CAFÉ", "ıi", "İstanbul", "ſun", "sun", "Kelvin", "\u212Aelvin", "x2", "2x", "a", "b",
    ];

    private static readonly string[] Separators = [" ", " ", ", ", "! ", "-", "'", "...", "\n", "  ", "\u00A0", " \u2014 "];

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Applier_matches_the_reference_on_random_documents(int seed)
    {
        var random = new Random(seed);
        var functions = Enumerable.Range(0, 12).Select(f => RandomFunction(random, f)).ToList();
        var documents = Enumerable.Range(0, 400).Select(_ => new LabelingFunctionDocument(RandomText(random))).ToList();
        var set = new LabelingFunctionSet(["ham", "spam"], [.. functions]);
        var matrix = LabelingFunctionApplier.Apply(set, documents, new LabelingFunctionApplyOptions { ChunkSize = 64 },
            cancellationToken: TestContext.Current.CancellationToken).Matrix;
        for (var i = 0; i < documents.Count; i++)
        {
            for (var f = 0; f < functions.Count; f++)
            {
                var expected = Reference(functions[f], documents[i].Text);
                Assert.True(expected == matrix[i, f], $"doc '{documents[i].Text}', function {Describe(functions[f])}: expected {expected}, got {matrix[i, f]}");
                Assert.Equal(expected, functions[f].Apply(documents[i]));
            }
        }
    }

    [Theory]
    [InlineData("she sells", "he", 1)]
    [InlineData("abcabd", "abd", 1)]
    [InlineData("aab", "ab", 1)]
    [InlineData("STRASSE", "straße", LabelIndex.Abstain)]
    [InlineData("ſun", "sun", LabelIndex.Abstain)]
    [InlineData("CAFÉ au lait", "café", 1)]
    [InlineData("anything", "", 1)]
    public void Substring_keywords_follow_ordinal_ignore_case_contains(string text, string keyword, int expected)
    {
        var function = new KeywordFunction("k", [keyword], 1, KeywordMatch.Any, wholeWord: false, caseSensitive: false, "fp");
        Assert.Equal(expected, function.Apply(new LabelingFunctionDocument(text)));
    }

    private static KeywordFunction RandomFunction(Random random, int f)
    {
        var keywords = Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomKeyword(random)).ToList();
        var match = random.Next(3) == 0 ? KeywordMatch.All : KeywordMatch.Any;
        return new KeywordFunction($"f{f}", keywords, random.Next(2), match, wholeWord: random.Next(3) != 0, caseSensitive: random.Next(4) == 0, "fp");
    }

    private static string RandomKeyword(Random random) => random.Next(6) switch
    {
        0 => $"{Pick(random, Words)} {Pick(random, Words)}",
        1 => Prefix(Pick(random, Words)),
        2 => "!?",
        _ => Pick(random, Words),
    };

    private static string Prefix(string word) => word[..Math.Max(1, word.Length / 2)];

    private static string RandomText(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => Pick(random, Words) + Pick(random, Separators)));

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static int Reference(KeywordFunction function, string text)
    {
        var comparison = function.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        bool fires;
        if (!function.WholeWord)
        {
            fires = function.Match == KeywordMatch.Any
                ? function.Keywords.Any(k => text.Contains(k, comparison))
                : function.Keywords.All(k => text.Contains(k, comparison));
        }
        else
        {
            var tokens = Tokens(text);
            var keywords = function.Keywords.Select(Tokens).Where(k => k.Count > 0).ToList();
            bool Occurs(List<string> keyword) => Enumerable.Range(0, Math.Max(0, tokens.Count - keyword.Count + 1))
                .Any(start => keyword.Select((token, r) => string.Equals(tokens[start + r], token, comparison)).All(b => b));
            fires = function.Match == KeywordMatch.Any ? keywords.Any(Occurs) : keywords.Count > 0 && keywords.All(Occurs);
        }
        return fires ? function.Label : LabelIndex.Abstain;
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }
            if (current.Length > 0)
                tokens.Add(current.ToString());
            current.Clear();
        }
        return tokens;
    }

    private static string Describe(KeywordFunction f) =>
        $"[{string.Join("|", f.Keywords)}] {f.Match} whole={f.WholeWord} case={f.CaseSensitive}";
}
