using System.Data.Common;

namespace Labelforge.Core.Common;

/// <summary>Builds a reusable parameterized command (the provider prepares and caches it on first run).</summary>
internal static class SqlCommands
{
    public static DbCommand Create(DbConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant SQL from our own code; values always go through parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var name in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }
        return command;
    }
}
