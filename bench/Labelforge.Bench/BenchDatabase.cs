namespace Labelforge.Bench;

/// <summary>SQLite files of the suites' databases.</summary>
internal static class BenchDatabase
{
    /// <summary>Deletes the database at <paramref name="path"/> with its WAL and shared-memory files (none need exist).</summary>
    public static void Delete(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(path + suffix);
    }
}
