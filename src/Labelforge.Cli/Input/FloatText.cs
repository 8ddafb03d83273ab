using System.Globalization;
using System.Runtime.CompilerServices;

namespace Labelforge.Cli.Input;

/// <summary>
/// Parses a float exactly as <c>float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture)</c> does,
/// with a fast path for the plain decimals tools write (<c>0.0893556</c>, <c>1e-05</c>): a probability file holds a
/// million of them, and the general parser spent more time on them than the detection that reads them.
/// </summary>
/// <remarks>
/// Fast path (Clinger, "How to read floating point numbers accurately", PLDI 1990): digits with an optional point
/// and exponent, at most 19 significant digits forming m ≤ 2^53 and a decimal exponent e with |e| ≤ 22. Then m and
/// 10^|e| are exact doubles and one multiplication or division rounds m·10^e correctly to a double D. Rounding D to
/// float equals rounding the decimal to float unless D lies exactly halfway between two floats (the decimal may be
/// on either side of it) or in the float subnormal range; those, and every other shape, go to the general parser.
/// </remarks>
internal static class FloatText
{
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    public static bool TryParse(ReadOnlySpan<char> text, out float value)
    {
        if (TryFast(text, out var d) && IsSafe(d))
        {
            value = (float)d;
            return true;
        }
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The correctly rounded double of a plain decimal, or false when the text is not one the fast path takes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryFast(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        ulong mantissa = 0;
        var significant = 0;
        var exponent = 0;
        var i = 0;
        var digits = 0;
        for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++, digits++)
            Accumulate(text[i], ref mantissa, ref significant, ref exponent, fraction: false);
        if (i < text.Length && text[i] == '.')
        {
            for (i++; i < text.Length && (uint)(text[i] - '0') <= 9; i++, digits++)
                Accumulate(text[i], ref mantissa, ref significant, ref exponent, fraction: true);
        }
        if (digits == 0 || significant > 19)
            return false;
        if (i < text.Length && (text[i] | 0x20) == 'e')
        {
            i++;
            var negative = i < text.Length && text[i] == '-';
            if (i < text.Length && (text[i] == '-' || text[i] == '+'))
                i++;
            var start = i;
            var power = 0;
            for (; i < text.Length && (uint)(text[i] - '0') <= 9 && i - start < 4; i++)
                power = (power * 10) + (text[i] - '0');
            if (i == start)
                return false;
            exponent += negative ? -power : power;
        }
        if (i != text.Length || mantissa > (1UL << 53))
            return false;
        if (mantissa == 0)
            return true;
        if (exponent < -22 || exponent > 22)
            return false;
        value = exponent < 0 ? mantissa / PowersOfTen[-exponent] : mantissa * PowersOfTen[exponent];
        return true;
    }

    /// <summary>Adds one digit; leading zeros are not significant, digits after the point lower the exponent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(char c, ref ulong mantissa, ref int significant, ref int exponent, bool fraction)
    {
        if (fraction)
            exponent--;
        if (significant == 0 && c == '0')
            return;
        significant++;
        if (significant <= 19)
            mantissa = (mantissa * 10) + (ulong)(c - '0');
    }

    /// <summary>Whether (float)d is the float nearest the decimal d came from: d normal in float and not halfway between floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSafe(double d)
    {
        if (d == 0)
            return true;
        // 2^-126, the smallest normal float.
        if (d < 1.1754943508222875e-38 || d > float.MaxValue)
            return false;
        // A double carries 29 more mantissa bits than a float; halfway is exactly the top one of them set.
        const long below = (1L << 29) - 1;
        return (BitConverter.DoubleToInt64Bits(d) & below) != 1L << 28;
    }
}
