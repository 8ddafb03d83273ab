using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Storage;
using Labelforge.Training.Projects;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Labelforge.Training.Tests.Projects;

/// <summary>The given labels a trainer reads, on a real store.</summary>
public sealed class HumanLabelsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "lf-labels-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ServiceProvider Services(LabelforgeDb db) =>
        new ServiceCollection().AddSingleton(db).AddSingleton<TimeProvider>(_time).AddLabelforgeCore().BuildServiceProvider();

    [Fact]
    public async Task Image_projects_are_refused_because_their_texts_are_file_names()
    {
        var store = await LabelforgeStore.OpenSqliteAsync(Path.Combine(_dir, "i.db"), Ct);
        await using var db = store.CreateDb();
        await using var services = Services(db);
        var project = await services.GetRequiredService<ProjectOperations>().CreateAsync(new NewProject("digits", TaskTypes.ImageClassification, Labels: ["even", "odd"]), Ct);
        var error = await Assert.ThrowsAsync<Core.Common.LabelforgeException>(() => HumanLabels.LoadAsync(db, services.GetRequiredService<TaxonomyOperations>(), project.Id, Ct));
        Assert.Equal("Label-error detection, training and active learning work on text items; image projects have no image model yet.", error.Message);
    }

    [Fact]
    public async Task Labels_after_the_through_id_are_left_out_and_the_earlier_label_of_an_item_stands()
    {
        var store = await LabelforgeStore.OpenSqliteAsync(Path.Combine(_dir, "l.db"), Ct);
        await using var db = store.CreateDb();
        await using var services = Services(db);
        var taxonomy = services.GetRequiredService<TaxonomyOperations>();
        var project = await services.GetRequiredService<ProjectOperations>().CreateAsync(new NewProject("p", Labels: ["ham", "spam"]), Ct);
        ImportEntry Row(int i) => ImportEntry.Ok(new ImportRecord("mem", i, $"e{i}", $"text {i}", "{}", []));
        await services.GetRequiredService<ImportOperations>().ImportAsync(project.Id, "mem", ImportFormat.Jsonl,
            new[] { Row(1), Row(2), Row(3) }.ToAsyncEnumerable(), new ImportOptions(), ct: Ct);
        var items = db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToArray();
        var annotations = services.GetRequiredService<AnnotationOperations>();
        await annotations.SubmitAsync(project.Id, new NewAnnotation(items[0], "alice", Labels: ["ham"]), Ct);
        var through = (await annotations.SubmitAsync(project.Id, new NewAnnotation(items[1], "alice", Labels: ["spam"]), Ct)).Annotation.Id;
        // Submitted while a trainer was loading: a relabel of the first item and a label for the third.
        await annotations.SubmitAsync(project.Id, new NewAnnotation(items[0], "bob", AnnotationKind.Review, Labels: ["spam"]), Ct);
        await annotations.SubmitAsync(project.Id, new NewAnnotation(items[2], "bob", Labels: ["ham"]), Ct);

        var asOf = await HumanLabels.LoadAsync(db, taxonomy, project.Id, Ct, through);
        var all = await HumanLabels.LoadAsync(db, taxonomy, project.Id, Ct);

        Assert.Equal([items[0], items[1]], asOf.ItemIds);
        Assert.Equal(["ham", "spam"], asOf.Labels.Select(k => asOf.ClassNames[k]));
        Assert.Equal([false, false], asOf.Reviewed);
        Assert.Equal([items[0], items[1], items[2]], all.ItemIds);
        Assert.Equal(["spam", "spam", "ham"], all.Labels.Select(k => all.ClassNames[k]));
        Assert.Equal([true, false, false], all.Reviewed);
    }

    [Fact]
    public async Task Class_names_are_references_that_tell_labels_with_a_shared_name_apart()
    {
        var store = await LabelforgeStore.OpenSqliteAsync(Path.Combine(_dir, "s.db"), Ct);
        await using var db = store.CreateDb();
        await using var services = Services(db);
        var project = await services.GetRequiredService<ProjectOperations>().CreateAsync(new NewProject("zoo", Labels: ["Animals", "Plants", "Other"]), Ct);
        var taxonomy = services.GetRequiredService<TaxonomyOperations>();
        await taxonomy.AddAsync(project.Id, new Labelforge.Core.Taxonomy.NewLabel("Other", "Animals"), ct: Ct);
        await taxonomy.AddAsync(project.Id, new Labelforge.Core.Taxonomy.NewLabel("Other", "Plants"), ct: Ct);

        var labels = await HumanLabels.LoadAsync(db, taxonomy, project.Id, Ct);

        Assert.Equal(["Animals", "Plants", "/Other", "Animals/Other", "Plants/Other"], labels.ClassNames);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test on cleanup.
        }
    }
}
