using System.IO;
using System.Text.Json.Nodes;
using Assistants.Server.Storage;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Assistants.Server.Tests;

/// <summary>What only the SQLite store does: outlive its instance, version its schema, run in WAL mode.</summary>
public sealed class SqliteStoreTests
{
    private string _directory = "";

    [SetUp]
    public void SetUp() => _directory = TempDirectory.Create();

    [TearDown]
    public void TearDown() => TempDirectory.Delete(_directory);

    [Test]
    public void Reopen_KeepsDocuments_AndTheSchemaVersion_AndRefusesANewerSchema()
    {
        using (var store = new SqliteServerStore(_directory))
        {
            store.Save([new StoredDoc(DocKinds.Assistant, DocKinds.Root, "asst_1", new JsonObject { ["id"] = "asst_1" })]);
        }

        using (var store = new SqliteServerStore(_directory))
        {
            Assert.That(store.Find(DocKinds.Assistant, DocKinds.Root, "asst_1"), Is.Not.Null);
        }

        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, SqliteServerStore.DatabaseFileName)};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT group_concat(version) FROM schema_version;";
            Assert.That(command.ExecuteScalar(), Is.EqualTo("1"));
            command.CommandText = "PRAGMA journal_mode;";
            Assert.That(command.ExecuteScalar(), Is.EqualTo("wal"));
            command.CommandText = "INSERT INTO schema_version (version) VALUES (99);";
            command.ExecuteNonQuery();
        }

        Assert.That(() => new SqliteServerStore(_directory), Throws.InvalidOperationException.With.Message.Contains("schema version is 99"));
    }
}
