using Labelforge.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Labelforge.Storage.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model without running the app.</summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<LabelforgeDb>
{
    public LabelforgeDb CreateDbContext(string[] args) => new(LabelforgeStore.SqliteOptions("design-time.db", compiledModel: false));
}
