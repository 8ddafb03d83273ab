using Labelforge.Engine;

namespace Labelforge.Engine.Tests;

public class LabelIndexTests
{
    [Fact]
    public void Abstain_is_outside_the_valid_label_range() => Assert.True(LabelIndex.Abstain < 0);
}
