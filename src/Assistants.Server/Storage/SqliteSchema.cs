using System;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Assistants.Server.Storage;

/// <summary>
/// The SQLite schema, versioned in <c>schema_version</c> and created on first start. One table holds every
/// document: kind, parent id, id, the wire JSON and private state; <c>seq</c> keeps creation order.
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    private const string V1 = """
        CREATE TABLE docs (
            seq    INTEGER PRIMARY KEY AUTOINCREMENT,
            kind   TEXT NOT NULL,
            parent TEXT NOT NULL,
            id     TEXT NOT NULL,
            json   TEXT NOT NULL,
            state  TEXT NULL,
            UNIQUE (kind, parent, id)
        );
        CREATE INDEX docs_by_parent ON docs (kind, parent, seq);
        """;

    /// <summary>Sets WAL mode and creates or checks the schema, on the writer connection.</summary>
    /// <exception cref="InvalidOperationException">The database was made by a newer server.</exception>
    public static void Apply(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);");
        using SqliteTransaction transaction = connection.BeginTransaction();
        using SqliteCommand read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT MAX(version) FROM schema_version;";
        object? current = read.ExecuteScalar();
        int version = current is null or DBNull ? 0 : Convert.ToInt32(current, CultureInfo.InvariantCulture);
        if (version > Version)
        {
            throw new InvalidOperationException(
                $"The database's schema version is {version}, newer than the {Version} this Assistants.Server knows; use a newer server.");
        }

        if (version == 0)
        {
            Execute(connection, V1, transaction);
            Execute(connection, $"INSERT INTO schema_version (version) VALUES ({Version});", transaction);
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
