using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Assistants.Server.Storage;
using NUnit.Framework;

namespace Assistants.Server.Tests;

/// <summary>The storage seam's contract, checked on both implementations.</summary>
[TestFixture(StoreKind.Memory)]
[TestFixture(StoreKind.Sqlite)]
public sealed class StoreConformanceTests(StoreKind kind)
{
    private string? _directory;
    private IServerStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _directory = kind == StoreKind.Sqlite ? TempDirectory.Create() : null;
        _store = Open();
    }

    [TearDown]
    public void TearDown()
    {
        _store.Dispose();
        TempDirectory.Delete(_directory);
    }

    [Test]
    public void Save_ThenFind_ReturnsACopy_AndReplacingKeepsCreationOrder()
    {
        _store.Save([Doc(DocKinds.Message, "thread_1", "msg_a"), Doc(DocKinds.Message, "thread_1", "msg_b"), Doc(DocKinds.Message, "thread_2", "msg_c")]);
        StoredDoc found = _store.Find(DocKinds.Message, "thread_1", "msg_a")!;
        found.Json["text"] = "changed but not saved";
        Assert.That((string?)_store.Find(DocKinds.Message, "thread_1", "msg_a")!.Json["text"], Is.EqualTo("msg_a"));

        _store.Save([found with { State = new JsonObject { ["private"] = 1 } }]);
        Assert.That(_store.List(DocKinds.Message, "thread_1").Select(doc => doc.Id), Is.EqualTo(new[] { "msg_a", "msg_b" }));
        StoredDoc replaced = _store.Find(DocKinds.Message, "thread_1", "msg_a")!;
        Assert.That((string?)replaced.Json["text"], Is.EqualTo("changed but not saved"));
        Assert.That((int?)replaced.State!["private"], Is.EqualTo(1));
        Assert.That(_store.Find(DocKinds.Message, "thread_2", "msg_a"), Is.Null);
        Assert.That(_store.Find(DocKinds.Run, "thread_1", "msg_a"), Is.Null);
    }

    [Test]
    public void Delete_RemovesTheDocumentAndItsChildren_Only()
    {
        _store.Save([
            Doc(DocKinds.Thread, DocKinds.Root, "thread_1"), Doc(DocKinds.Thread, DocKinds.Root, "thread_2"),
            Doc(DocKinds.Message, "thread_1", "msg_1"), Doc(DocKinds.Run, "thread_1", "run_1"), Doc(DocKinds.Step, "run_1", "step_1"),
            Doc(DocKinds.Message, "thread_2", "msg_2"),
        ]);

        Assert.That(_store.Delete(DocKinds.Thread, DocKinds.Root, "thread_1"), Is.True);
        Assert.That(_store.Delete(DocKinds.Thread, DocKinds.Root, "thread_1"), Is.False);
        Assert.That(_store.List(DocKinds.Message, "thread_1"), Is.Empty);
        Assert.That(_store.List(DocKinds.Run, "thread_1"), Is.Empty);
        Assert.That(_store.List(DocKinds.Step, "run_1"), Is.Empty);
        Assert.That(_store.List(DocKinds.Message, "thread_2"), Has.Count.EqualTo(1));
        Assert.That(_store.List(DocKinds.Thread, DocKinds.Root).Select(doc => doc.Id), Is.EqualTo(new[] { "thread_2" }));
    }

    [Test]
    public void ListActiveRuns_ReturnsOnlyRunsThatMayStillChange()
    {
        _store.Save([Run("run_q", "queued"), Run("run_p", "in_progress"), Run("run_r", "requires_action"), Run("run_c", "cancelling"),
            Run("run_done", "completed"), Run("run_f", "failed"), Run("run_e", "expired")]);
        Assert.That(_store.ListActiveRuns().Select(doc => doc.Id), Is.EquivalentTo(new[] { "run_q", "run_p", "run_r", "run_c" }));
    }

    [Test]
    public async Task Contents_WriteOpenDelete()
    {
        Assert.That(await _store.WriteContentAsync("file-abc", new MemoryStream(Encoding.UTF8.GetBytes("hello")), default), Is.EqualTo(5));
        using (var reader = new StreamReader(_store.OpenContent("file-abc")!))
        {
            Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("hello"));
        }

        _store.DeleteContent("file-abc");
        Assert.That(_store.OpenContent("file-abc"), Is.Null);
        Assert.That(_store.OpenContent("../../etc/passwd"), Is.Null, "an id is never a path");
    }

    [Test]
    public async Task ConcurrentWriters_AllLand()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                _store.Save([Doc(DocKinds.Message, "thread_" + writer, $"msg_{i:D3}")]);
                Assert.That(_store.Find(DocKinds.Message, "thread_" + writer, $"msg_{i:D3}"), Is.Not.Null);
            }
        })));

        foreach (int writer in Enumerable.Range(0, 8))
        {
            Assert.That(_store.List(DocKinds.Message, "thread_" + writer).Select(doc => doc.Id),
                Is.EqualTo(Enumerable.Range(0, 50).Select(i => $"msg_{i:D3}")));
        }
    }

    private IServerStore Open() => _directory is null ? new MemoryServerStore() : new SqliteServerStore(_directory);

    private static StoredDoc Doc(string kind, string parent, string id) => new(kind, parent, id, new JsonObject { ["id"] = id, ["text"] = id });

    private static StoredDoc Run(string id, string status) => new(DocKinds.Run, "thread_1", id, new JsonObject { ["id"] = id, ["status"] = status });
}
