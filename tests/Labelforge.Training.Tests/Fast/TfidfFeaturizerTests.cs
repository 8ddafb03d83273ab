using Labelforge.Training.Fast;

namespace Labelforge.Training.Tests.Fast;

public class TfidfFeaturizerTests
{
    [Fact]
    public void Tokens_are_runs_of_two_or_more_word_characters_and_bigrams_join_neighbours()
    {
        // scikit-learn's (?u)\b\w\w+\b drops "a", "s" and "2"; bigrams join the tokens that remain.
        var terms = WordNgrams.Count("The cat, a dog's 2 TOYS! the_cat", 1000);
        var expected = new[] { "the", "cat", "dog", "toys", "the_cat", "the cat", "cat dog", "dog toys", "toys the_cat" };

        Assert.Equal(expected.Length, terms.Keys.Length);
        Assert.All(terms.Counts, c => Assert.Equal(1, c));
        Assert.Equal(WordNgrams.Count("the cat dog toys the_cat", 1000).Keys, terms.Keys);
        Assert.Empty(WordNgrams.Count("a b c 1 2", 1000).Keys);
    }

    [Fact]
    public void Counts_repeated_terms_and_reads_other_scripts()
    {
        var terms = WordNgrams.Count("Зоопарк зоопарк 東京 ab", 1000);

        // зоопарк x2, 東京, ab; bigrams: "зоопарк зоопарк", "зоопарк 東京", "東京 ab".
        Assert.Equal(6, terms.Keys.Length);
        Assert.Equal(7, terms.Counts.Sum());
    }

    [Fact]
    public void Weights_are_raw_counts_times_smoothed_idf_l2_normalised()
    {
        var featurizer = new TfidfFeaturizer(minDf: 1);

        var vectors = featurizer.FitTransform(["cat dog", "cat cat fish"]);

        // N = 2; idf(cat) = ln(3/3) + 1 = 1, idf(term in one document) = ln(3/2) + 1.
        Assert.Equal(6, featurizer.Dimension);
        var rare = Math.Log(1.5) + 1;
        var norm = Math.Sqrt(4 + (3 * rare * rare));
        var second = vectors[1].Values.Select(v => (double)v).Order().ToArray();
        Assert.Equal(new[] { rare / norm, rare / norm, rare / norm, 2 / norm }, second, new ToleranceComparer(1e-6));
        Assert.Equal(1.0, vectors[0].Values.Sum(v => v * v), 5);
    }

    [Fact]
    public void Min_df_keeps_only_terms_in_enough_documents_and_unknown_terms_are_dropped()
    {
        var featurizer = new TfidfFeaturizer(minDf: 2);

        var vectors = featurizer.FitTransform(["cat dog", "cat cat fish", "bird"]);
        var unseen = featurizer.Transform(["zebra"]);

        Assert.Equal(1, featurizer.Dimension);
        Assert.Equal([1f], vectors[1].Values);
        Assert.Empty(vectors[2].Indices);
        Assert.Empty(unseen[0].Indices);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
