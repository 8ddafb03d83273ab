using Labelforge.Engine.Spans;

namespace Labelforge.Engine.Tests.Spans;

public class SpanTokenizerTests
{
    [Fact]
    public void Words_and_punctuation_become_tokens_with_their_offsets()
    {
        const string text = "Visit New York (USA), it's_fine!";
        var tokens = SpanTokenizer.Tokenize(text).Select(t => text[t.Start..t.End]).ToArray();
        Assert.Equal(["Visit", "New", "York", "(", "USA", ")", ",", "it", "'", "s_fine", "!"], tokens);
    }

    [Fact]
    public void An_emoji_is_one_token_and_offsets_are_utf16()
    {
        const string text = "hi 😀 Zoë";
        var tokens = SpanTokenizer.Tokenize(text);
        Assert.Equal([new TextToken(0, 2), new TextToken(3, 5), new TextToken(6, 9)], tokens);
    }

    [Fact]
    public void Given_tokens_are_found_in_order_and_a_missing_one_gives_null()
    {
        const string text = "@paul It 's";
        Assert.Equal([new TextToken(0, 5), new TextToken(6, 8), new TextToken(9, 11)], SpanTokenizer.FromTokens(text, ["@paul", "It", "'s"])!);
        Assert.Null(SpanTokenizer.FromTokens(text, ["It", "@paul"]));
        Assert.Null(SpanTokenizer.FromTokens("ab cd", ["ab", "d"]));
    }

    [Fact]
    public void Snap_widens_a_selection_to_whole_tokens_and_alignment_checks_both_ends()
    {
        const string text = "New York City";
        var tokens = SpanTokenizer.Tokenize(text);
        Assert.Equal(new TextToken(0, 8), SpanTokenizer.Snap(tokens, 1, 6));
        Assert.Equal(new TextToken(4, 8), SpanTokenizer.Snap(tokens, 3, 8));
        Assert.Null(SpanTokenizer.Snap(tokens, 3, 4));
        Assert.True(SpanTokenizer.IsAligned(tokens, 0, 8));
        Assert.False(SpanTokenizer.IsAligned(tokens, 0, 7));
    }
}
