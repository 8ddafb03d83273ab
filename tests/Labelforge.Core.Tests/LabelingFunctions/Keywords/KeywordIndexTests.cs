using Labelforge.Core.LabelingFunctions;
using Labelforge.Core.LabelingFunctions.Functions;
using Labelforge.Core.LabelingFunctions.Keywords;
using Labelforge.Engine;

namespace Labelforge.Core.Tests.LabelingFunctions.Keywords;

public class KeywordIndexTests
{
    private static KeywordFunction Keywords(KeywordMatch match, bool wholeWord, bool caseSensitive, params string[] keywords) =>
        new("k", keywords, 1, match, wholeWord, caseSensitive, "fp");

    [Theory]
    [InlineData("I LOVE this song", 1)]
    [InlineData("songs are fine", LabelIndex.Abstain)]
    [InlineData("love, this!", 1)]
    [InlineData("this love", LabelIndex.Abstain)]
    public void Whole_word_matching_ignores_case_and_matches_phrases_in_order(string text, int expected) =>
        Assert.Equal(expected, Keywords(KeywordMatch.Any, true, false, "song", "love this").Apply(new LabelingFunctionDocument(text)));

    [Fact]
    public void All_needs_every_keyword_and_substring_mode_matches_inside_words()
    {
        var all = Keywords(KeywordMatch.All, true, false, "subscribe", "channel");
        Assert.Equal(1, all.Apply(new LabelingFunctionDocument("subscribe to my Channel")));
        Assert.Equal(LabelIndex.Abstain, all.Apply(new LabelingFunctionDocument("subscribe now")));
        var substring = Keywords(KeywordMatch.Any, false, false, "song");
        Assert.Equal(1, substring.Apply(new LabelingFunctionDocument("SONGS")));
    }

    [Fact]
    public void Case_sensitive_keywords_respect_case()
    {
        var exact = Keywords(KeywordMatch.Any, true, true, "NASA");
        Assert.Equal(1, exact.Apply(new LabelingFunctionDocument("NASA launch")));
        Assert.Equal(LabelIndex.Abstain, exact.Apply(new LabelingFunctionDocument("nasa launch")));
    }

    [Fact]
    public void One_index_votes_for_many_functions_at_once()
    {
        var index = new KeywordIndex([
            Keywords(KeywordMatch.Any, true, false, "free"),
            new KeywordFunction("ham", ["thanks"], 0, KeywordMatch.Any, true, false, "fp"),
        ]);
        Span<int> votes = stackalloc int[2];
        index.Apply("Thanks for the FREE gift", votes);
        Assert.Equal([1, 0], votes.ToArray());
        index.Apply("", votes);
        Assert.Equal([LabelIndex.Abstain, LabelIndex.Abstain], votes.ToArray());
    }
}
