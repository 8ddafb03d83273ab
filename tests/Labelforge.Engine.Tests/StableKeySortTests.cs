using Labelforge.Engine;

namespace Labelforge.Engine.Tests;

public class StableKeySortTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1000)]
    [InlineData(4099)]
    public void Orders_by_key_and_keeps_the_given_order_of_equal_keys(int n)
    {
        var random = new Random(n);
        // Few distinct keys, so most keys repeat; items start in a shuffled order that equal keys must keep.
        var keys = Enumerable.Range(0, n).Select(_ => random.Next(20) / 4.0).ToArray();
        var items = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        var expected = Enumerable.Range(0, n).OrderBy(i => keys[i]).Select(i => (keys[i], items[i])).ToArray();

        StableKeySort.Sort(keys, items);

        Assert.Equal(expected, keys.Zip(items));
    }

    [Fact]
    public void NaN_keys_come_first_and_zeros_of_either_sign_are_equal()
    {
        double[] keys = [0.5, double.NaN, 0.0, -0.0, double.NegativeInfinity, double.NaN];
        int[] items = [0, 1, 2, 3, 4, 5];

        StableKeySort.Sort(keys, items);

        Assert.Equal([1, 5, 4, 2, 3, 0], items);
    }

    [Fact]
    public void Refuses_items_of_another_length() =>
        Assert.Throws<ArgumentException>(() => StableKeySort.Sort([1.0, 2.0], [0]));
}
