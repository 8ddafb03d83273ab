using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Server.Hosting;
using Labelforge.Storage;
using Labelforge.Training.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Server.Tests.Hosting;

/// <summary>The composition root the server and the CLI share builds every operation from its registrations.</summary>
public sealed class CompositionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "lf-compose-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The public operation and trainer types of Core and Training (by their naming convention).</summary>
    public static TheoryData<string> OperationTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(ProjectOperations).Assembly.GetExportedTypes().Concat(typeof(ProjectTraining).Assembly.GetExportedTypes())
                     .Where(t => t is { IsClass: true, IsAbstract: false } && (t.Name.EndsWith("Operations", StringComparison.Ordinal)
                         || t.Name is "ProjectTraining" or "ProjectPrediction" or "QueueRetrainer"))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
            data.Add(type.AssemblyQualifiedName!);
        return data;
    }

    [Theory]
    [MemberData(nameof(OperationTypes))]
    public async Task Every_operation_resolves_from_the_container(string typeName)
    {
        Directory.CreateDirectory(_dir);
        var store = await LabelforgeStore.OpenSqliteAsync(Path.Combine(_dir, "c.db"), Ct);
        await using var services = new ServiceCollection().AddLabelforge(store, TimeProvider.System)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var scope = services.CreateAsyncScope();
        var type = Type.GetType(typeName, throwOnError: true)!;
        Assert.IsType(type, scope.ServiceProvider.GetRequiredService(type));
    }

    [Fact]
    public async Task A_scope_shares_one_context_and_scopes_do_not()
    {
        Directory.CreateDirectory(_dir);
        var store = await LabelforgeStore.OpenSqliteAsync(Path.Combine(_dir, "s.db"), Ct);
        await using var services = new ServiceCollection().AddLabelforge(store, TimeProvider.System).BuildServiceProvider();
        await using var first = services.CreateAsyncScope();
        await using var second = services.CreateAsyncScope();
        var db = first.ServiceProvider.GetRequiredService<LabelforgeDb>();
        Assert.Same(db, first.ServiceProvider.GetRequiredService<LabelforgeDb>());
        Assert.NotSame(db, second.ServiceProvider.GetRequiredService<LabelforgeDb>());
        Assert.Same(first.ServiceProvider.GetRequiredService<ProjectOperations>(), first.ServiceProvider.GetRequiredService<ProjectOperations>());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }
}
