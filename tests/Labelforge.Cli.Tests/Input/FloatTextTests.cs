using System.Globalization;
using Labelforge.Cli.Input;

namespace Labelforge.Cli.Tests.Input;

/// <summary>The fast float reader against <c>float.TryParse</c> (invariant, NumberStyles.Float), bit for bit.</summary>
public class FloatTextTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("0.0893556")]
    [InlineData("1")]
    [InlineData("1.0001")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("1E-05")]
    [InlineData("2.5e+3")]
    [InlineData("-0")]
    [InlineData("+1")]
    [InlineData(" 0.25")]
    [InlineData("0.25 ")]
    [InlineData("1e-45")]
    [InlineData("1e-40")]
    [InlineData("1.1754944e-38")]
    [InlineData("3.4028236e38")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("0x10")]
    [InlineData("1,5")]
    [InlineData("0e99999")]
    [InlineData("16777217")]
    [InlineData("16777219")]
    [InlineData("0.000000000000000000000000000000001")]
    [InlineData("00000000000000000000000000001")]
    [InlineData("1.0000000000000000000001")]
    [InlineData("9007199254740993")]
    [InlineData("0.50000002980232238769531250")]
    [InlineData("0.5000000298023224")]
    [InlineData("0.50000003")]
    public void Matches_float_TryParse(string text) => AssertSame(text);

    [Fact]
    public void Matches_float_TryParse_on_seeded_random_numbers()
    {
        var random = new Random(7);
        for (var n = 0; n < 200_000; n++)
        {
            var f = (float)random.NextDouble() * MathF.Pow(10, random.Next(-12, 6));
            AssertSame(f.ToString("R", CultureInfo.InvariantCulture));
            AssertSame(f.ToString("E8", CultureInfo.InvariantCulture));
            AssertSame(((double)f).ToString("R", CultureInfo.InvariantCulture));
            // Decimals near float midpoints: the halfway value rounded to 16 or 17 digits.
            var next = MathF.BitIncrement(f);
            var half = ((double)f + next) / 2;
            AssertSame(half.ToString("G16", CultureInfo.InvariantCulture));
            AssertSame(half.ToString("G17", CultureInfo.InvariantCulture));
            AssertSame(Digits(random));
        }
    }

    private static string Digits(Random random)
    {
        var chars = new char[random.Next(1, 24)];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = (char)('0' + random.Next(10));
        var text = new string(chars);
        var point = random.Next(0, chars.Length + 1);
        text = text[..point] + "." + text[point..];
        return random.Next(3) == 0 ? text + "e" + random.Next(-30, 30).ToString(CultureInfo.InvariantCulture) : text;
    }

    private static void AssertSame(string text)
    {
        var expectedOk = float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected);
        var ok = FloatText.TryParse(text, out var actual);
        Assert.True(expectedOk == ok, $"'{text}': TryParse {expectedOk}, fast reader {ok}");
        Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual), $"'{text}': {expected:R} vs {actual:R}");
    }
}
