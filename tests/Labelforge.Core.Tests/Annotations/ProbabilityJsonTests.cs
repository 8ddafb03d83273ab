using Labelforge.Core.Annotations;

namespace Labelforge.Core.Tests.Annotations;

public class ProbabilityJsonTests
{
    [Fact]
    public void Ids_are_written_in_order_so_equal_answers_store_equal_text()
    {
        var a = ProbabilityJson.Write([KeyValuePair.Create(12L, 0.25), KeyValuePair.Create(3L, 0.75)]);
        var b = ProbabilityJson.Write([KeyValuePair.Create(3L, 0.75), KeyValuePair.Create(12L, 0.25)]);
        Assert.Equal("""{"3":0.75,"12":0.25}""", a);
        Assert.Equal(a, b);
        Assert.Equal("""{"1":0.333333}""", ProbabilityJson.Write([KeyValuePair.Create(1L, 1 / 3.0)], digits: 6));
    }

    [Fact]
    public void Reading_gives_probabilities_by_id_and_the_raw_keys_on_request()
    {
        Assert.Equal(new Dictionary<long, double> { [3] = 0.75, [12] = 0.25 }, ProbabilityJson.Read("""{"3":0.75,"12":0.25}"""));
        Assert.Empty(ProbabilityJson.Read(null));
        Assert.Equal([7L], ProbabilityJson.Read("""{"7":1,"spam":0}""").Keys); // a non-id key is skipped
        Assert.Equal(["7", "spam"], ProbabilityJson.ReadRaw("""{"7":1,"spam":0}""").Keys);
    }
}
