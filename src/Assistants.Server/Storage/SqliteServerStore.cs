using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Server.Json;
using Microsoft.Data.Sqlite;

namespace Assistants.Server.Storage;

/// <summary>
/// The SQLite store: <c>assistants.db</c> in the data directory (WAL mode, so readers never wait for the writer)
/// and file contents in <c>files/</c> beside it. All writes go through one writer connection, one transaction per
/// <see cref="Save"/>; reads use pooled connections. Plain parameterized SQL, no ORM.
/// </summary>
internal sealed class SqliteServerStore : IServerStore
{
    public const string DatabaseFileName = "assistants.db";

    private const string Columns = "kind, parent, id, json, state";
    private readonly Lock _writeGate = new();
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly ContentFolder _contents;

    public SqliteServerStore(string directory)
    {
        Directory.CreateDirectory(directory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, DatabaseFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
        _writer = new SqliteConnection(_connectionString);
        try
        {
            _writer.Open();
            SqliteSchema.Apply(_writer);
        }
        catch
        {
            _writer.Dispose();
            throw;
        }

        _contents = new ContentFolder(Path.Combine(directory, "files"));
    }

    public StoredDoc? Find(string kind, string parent, string id)
    {
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = Command(connection, $"SELECT {Columns} FROM docs WHERE kind = $kind AND parent = $parent AND id = $id;", kind, parent, id);
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? ReadDoc(reader) : null;
    }

    public IReadOnlyList<StoredDoc> List(string kind, string parent)
    {
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = Command(connection, $"SELECT {Columns} FROM docs WHERE kind = $kind AND parent = $parent ORDER BY seq;", kind, parent);
        return ReadAll(command);
    }

    public IReadOnlyList<StoredDoc> ListActiveRuns()
    {
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = Command(connection,
            $"SELECT {Columns} FROM docs WHERE kind = $kind AND json_extract(json, '$.status') IN ('queued', 'in_progress', 'requires_action', 'cancelling') ORDER BY seq;",
            DocKinds.Run);
        return ReadAll(command);
    }

    public void Save(IReadOnlyList<StoredDoc> docs)
    {
        var texts = new (string Json, string? State)[docs.Count];
        for (int i = 0; i < docs.Count; i++)
        {
            texts[i] = (docs[i].Utf8 is byte[] utf8 ? Encoding.UTF8.GetString(utf8) : JsonNodes.Serialize(docs[i].Json), docs[i].State is null ? null : JsonNodes.Serialize(docs[i].State));
        }

        lock (_writeGate)
        {
            using SqliteTransaction transaction = _writer.BeginTransaction();
            using SqliteCommand command = Command(_writer,
                $"INSERT INTO docs ({Columns}) VALUES ($kind, $parent, $id, $json, $state) ON CONFLICT (kind, parent, id) DO UPDATE SET json = excluded.json, state = excluded.state;",
                "", "", "");
            command.Transaction = transaction;
            SqliteParameter json = command.Parameters.Add("$json", SqliteType.Text);
            SqliteParameter state = command.Parameters.Add("$state", SqliteType.Text);
            for (int i = 0; i < docs.Count; i++)
            {
                command.Parameters["$kind"].Value = docs[i].Kind;
                command.Parameters["$parent"].Value = docs[i].Parent;
                command.Parameters["$id"].Value = docs[i].Id;
                json.Value = texts[i].Json;
                state.Value = (object?)texts[i].State ?? DBNull.Value;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    public bool Delete(string kind, string parent, string id)
    {
        lock (_writeGate)
        {
            using SqliteTransaction transaction = _writer.BeginTransaction();
            using SqliteCommand command = Command(_writer, "DELETE FROM docs WHERE kind = $kind AND parent = $parent AND id = $id;", kind, parent, id);
            command.Transaction = transaction;
            bool existed = command.ExecuteNonQuery() > 0;
            if (existed)
            {
                DeleteChildren(transaction, kind, id);
            }

            transaction.Commit();
            return existed;
        }
    }

    public Task<long> WriteContentAsync(string fileId, Stream content, CancellationToken cancellationToken) =>
        _contents.WriteAsync(fileId, content, cancellationToken);

    public Stream? OpenContent(string fileId) => _contents.Open(fileId);

    public void DeleteContent(string fileId) => _contents.Delete(fileId);

    public void Dispose()
    {
        lock (_writeGate)
        {
            _writer.Dispose();
        }

        // Pooled reader connections keep the database files open; this store's pool is closed with it.
        using var pooled = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(pooled);
    }

    private void DeleteChildren(SqliteTransaction transaction, string kind, string id)
    {
        foreach (string childKind in DocKinds.ChildrenOf(kind))
        {
            if (!DocKinds.ChildrenOf(childKind).IsEmpty)
            {
                using SqliteCommand select = Command(_writer, "SELECT id FROM docs WHERE kind = $kind AND parent = $parent;", childKind, id);
                select.Transaction = transaction;
                List<string> childIds = [];
                using (SqliteDataReader reader = select.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        childIds.Add(reader.GetString(0));
                    }
                }

                foreach (string childId in childIds)
                {
                    DeleteChildren(transaction, childKind, childId);
                }
            }

            using SqliteCommand delete = Command(_writer, "DELETE FROM docs WHERE kind = $kind AND parent = $parent;", childKind, id);
            delete.Transaction = transaction;
            delete.ExecuteNonQuery();
        }
    }

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string kind, string? parent = null, string? id = null)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$kind", SqliteType.Text).Value = kind;
        if (parent is not null)
        {
            command.Parameters.Add("$parent", SqliteType.Text).Value = parent;
        }

        if (id is not null)
        {
            command.Parameters.Add("$id", SqliteType.Text).Value = id;
        }

        return command;
    }

    private static List<StoredDoc> ReadAll(SqliteCommand command)
    {
        List<StoredDoc> docs = [];
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            docs.Add(ReadDoc(reader));
        }

        return docs;
    }

    private static StoredDoc ReadDoc(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        (JsonObject)JsonNode.Parse(reader.GetString(3))!,
        reader.IsDBNull(4) ? null : (JsonObject)JsonNode.Parse(reader.GetString(4))!);
}
