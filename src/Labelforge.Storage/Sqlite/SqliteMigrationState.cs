using Labelforge.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Labelforge.Storage.Sqlite;

/// <summary>
/// Whether a SQLite database already has every migration this build knows, read straight from EF Core's history
/// table. Anything else (a new file, no history table, a missing migration) answers false and the caller migrates.
/// </summary>
internal static class SqliteMigrationState
{
    public static async Task<bool> IsCurrentAsync(string path, LabelforgeDb db, CancellationToken ct)
    {
        if (!File.Exists(path))
            return false;
        var known = db.GetService<IMigrationsAssembly>().Migrations.Keys;
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var connection = new SqliteConnection(LabelforgeStore.SqliteConnectionString(path)))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
            if (await command.ExecuteScalarAsync(ct) is null)
                return false;
            command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                applied.Add(reader.GetString(0));
        }
        return known.All(applied.Contains);
    }
}
