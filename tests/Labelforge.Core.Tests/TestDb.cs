using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Labelforge.Core.Tests;

/// <summary>A fresh SQLite database built from the migrations, in its own temp folder, per test.</summary>
internal sealed class TestDb : IAsyncDisposable
{
    private readonly string _dir;

    private ServiceProvider? _services;

    private TestDb(string dir, LabelforgeStore store)
    {
        _dir = dir;
        Store = store;
        Db = store.CreateDb();
    }

    public LabelforgeStore Store { get; }

    public LabelforgeDb Db { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    public string Path => System.IO.Path.Combine(_dir, "test.db");

    /// <summary>An operation over <see cref="Db"/> and <see cref="Time"/>, from the app's Core registrations.</summary>
    public T Get<T>() where T : notnull => (_services ??= ServicesFor(Db)).GetRequiredService<T>();

    /// <summary>The app's Core registrations over another context of this database (concurrent callers), on this clock.</summary>
    public ServiceProvider ServicesFor(LabelforgeDb db) =>
        new ServiceCollection().AddSingleton(db).AddSingleton<TimeProvider>(Time).AddLabelforgeCore().BuildServiceProvider();

    public static async Task<TestDb> CreateAsync()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lf-core-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var store = await LabelforgeStore.OpenSqliteAsync(System.IO.Path.Combine(dir, "test.db"), TestContext.Current.CancellationToken);
        return new TestDb(dir, store);
    }

    public async Task<Project> ProjectAsync(string name = "demo", bool multiLabel = false, params string[] labels) =>
        await Get<ProjectOperations>().CreateAsync(
            new NewProject(name, MultiLabel: multiLabel, Labels: labels.Length == 0 ? ["ham", "spam"] : labels),
            TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        await Db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
