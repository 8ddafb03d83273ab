using Labelforge.Core.Taxonomy;
using Labelforge.Tests;

namespace Labelforge.Core.Tests.Taxonomy;

public class LabelPathTests
{
    [Fact]
    public void Every_awkward_name_round_trips_through_each_separator()
    {
        foreach (var separator in new[] { LabelPath.LevelSeparator, LabelPath.ListSeparator, LabelPath.CellSeparator })
        {
            var text = LabelPath.Join(AwkwardLabelNames.All, separator);
            Assert.Equal(AwkwardLabelNames.All, LabelPath.Split(text, separator));
            foreach (var name in AwkwardLabelNames.All)
                Assert.Equal([name], LabelPath.Split(LabelPath.EscapeItem(name, separator), separator));
        }
    }

    [Fact]
    public void Escapes_make_separators_and_backslashes_literal()
    {
        Assert.Equal(["Science", "Sci/Tech"], LabelPath.Parse(@"Science/Sci\/Tech"));
        Assert.Equal(["a,b", "c"], LabelPath.SplitList(@"a\,b, c"));
        Assert.Equal(["pipe|line", "x"], LabelPath.Split(@"pipe\|line|x", '|'));
        Assert.Equal([@"back\", "slash"], LabelPath.Split(@"back\\|slash", '|'));
        Assert.Equal(@"Sci\/Tech", LabelPath.Format(["Sci/Tech"]));
        Assert.Equal(@"a\\b|c\|d", LabelPath.Join([@"a\b", "c|d"], '|'));
    }

    [Fact]
    public void A_backslash_before_any_other_character_is_kept_as_written()
    {
        Assert.Equal([@"C:\temp"], LabelPath.Split(@"C:\temp", '|'));
        Assert.Equal([@"ends\"], LabelPath.Split(@"ends\", '|'));
        // '/' is no separator of a cell, so "\/" in a cell is two characters of the name (or of a path).
        Assert.Equal([@"a\/b"], LabelPath.Split(@"a\/b", '|'));
    }

    [Fact]
    public void Lists_trim_around_separators_and_drop_empty_items_but_paths_keep_empty_levels()
    {
        Assert.Equal(["World", "Sports", "Sci/Tech"], LabelPath.SplitList(" World , Sports,,Sci/Tech ,"));
        Assert.Empty(LabelPath.SplitList(null));
        Assert.Equal(["a", "", "b"], LabelPath.Parse("a//b"));
        Assert.Equal(["Science", "Tech"], LabelPath.Parse("Science / Tech"));
    }
}
