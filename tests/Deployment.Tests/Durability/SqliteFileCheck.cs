using Microsoft.Data.Sqlite;

namespace Deployment.Tests.Durability;

/// <summary>
/// A killed service's SQLite database checked by SQLite itself, on a copy of its files (database and
/// write-ahead log) so the restarted service still does its own crash recovery on the originals.
/// </summary>
internal static class SqliteFileCheck
{
    /// <summary>Fails unless <c>PRAGMA integrity_check</c> says <c>ok</c> and every FTS5 index passes its own check.</summary>
    public static async Task AssertIntactAsync(string databasePath)
    {
        var copy = Directory.CreateTempSubdirectory("kill-drill-check-");
        try
        {
            var copiedDatabase = Path.Combine(copy.FullName, Path.GetFileName(databasePath));
            foreach (var suffix in (string[])["", "-wal"])
            {
                if (File.Exists(databasePath + suffix))
                {
                    File.Copy(databasePath + suffix, copiedDatabase + suffix);
                }
            }

            // No pooling: the connection really closes, so the copy can be deleted afterwards.
            var connectionString = new SqliteConnectionStringBuilder { DataSource = copiedDatabase, Pooling = false }.ToString();
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();

            Assert.Equal(["ok"], await ReadAllAsync(connection, "PRAGMA integrity_check"));
            var ftsTables = await ReadAllAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'");
            Assert.NotEmpty(ftsTables); // the search index exists, so its check below means something
            foreach (var table in ftsTables)
            {
                // FTS5's own check: the index agrees with the rows it was built from, or SQLITE_CORRUPT.
                await using var check = connection.CreateCommand();
                check.CommandText = $"INSERT INTO \"{table}\" (\"{table}\") VALUES ('integrity-check')";
                await check.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static async Task<List<string>> ReadAllAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
