using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client;
using NUnit.Framework;

namespace Assistants.Server.Tests.Migration;

/// <summary>Export, import and export again: the round trip, a resumed export, a refused file and an import through public routes.</summary>
[TestFixture]
public sealed class MigrationTests
{
    private string _root = null!;

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("migration-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task RoundTrip_ExportImportExport_GivesIdenticalFolders()
    {
        string first = Path.Combine(_root, "first");
        string second = Path.Combine(_root, "second");
        await using (MigrationServer source = new())
        {
            await source.PopulateAsync();
            List<ExportProgress> reports = [];
            ExportResult exported = await new AssistantsExporter(source.Client).ExportAsync(first, new ExportOptions { AllThreads = true, Progress = new SyncProgress(reports) });

            Assert.Multiple(() =>
            {
                Assert.That(exported.Objects["threads.jsonl"], Is.EqualTo(1));
                Assert.That(exported.Objects["messages.jsonl"], Is.EqualTo(3));
                Assert.That(exported.Objects["runs.jsonl"], Is.EqualTo(1));
                Assert.That(exported.Objects["run_steps.jsonl"], Is.EqualTo(2));
                Assert.That(exported.Objects["assistants.jsonl"], Is.EqualTo(1));
                // The assistant's vector store and the one the server made for the thread's file_search attachment.
                Assert.That(exported.Objects["vector_stores.jsonl"], Is.EqualTo(2));
                Assert.That(exported.Objects["vector_store_files.jsonl"], Is.EqualTo(2));
                Assert.That(exported.Objects["files.jsonl"], Is.EqualTo(2));
                Assert.That(exported.NotExported, Is.Zero);
                Assert.That(reports.Select(r => r.Kind), Is.EqualTo(new[] { "thread", "assistant", "vector_store", "vector_store", "file", "file" }));
                string messages = File.ReadAllText(Path.Combine(first, "messages.jsonl"));
                Assert.That(messages, Does.Contain("\"file_citation\"").And.Contain("\"file_path\"").And.Contain("\"image_file\"").And.Contain("\"image_url\""));
                Assert.That(messages, Does.Contain("\"x_vendor_field\":{\"kept\":true}"), "an unknown field is kept");
                Assert.That(File.ReadAllText(Path.Combine(first, "run_steps.jsonl")), Does.Contain("\"tool_calls\"").And.Contain(MigrationServer.WeatherFunction));
            });
        }

        await using MigrationServer target = new(start: new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero));
        ImportResult imported = await new AssistantsImporter(target.Client).ImportAsync(first);
        await new AssistantsExporter(target.Client).ExportAsync(second, new ExportOptions { AllThreads = true });

        Assert.Multiple(() =>
        {
            Assert.That(imported.Imported["message"], Is.EqualTo(3));
            Assert.That(imported.Losses, Is.Empty);
            Assert.That(imported.IdMap, Is.Empty);
            SortedDictionary<string, byte[]> a = MigrationServer.Contents(first), b = MigrationServer.Contents(second);
            Assert.That(b.Keys, Is.EqualTo(a.Keys));
            foreach (string name in a.Keys)
            {
                Assert.That(Encoding.UTF8.GetString(b[name]), Is.EqualTo(Encoding.UTF8.GetString(a[name])), name);
            }
        });
    }

    [Test]
    public async Task Import_IdThatExists_Gets409AndStoresNothingOfTheBatch()
    {
        string folder = Path.Combine(_root, "export");
        await using MigrationServer source = new();
        await source.PopulateAsync();
        await new AssistantsExporter(source.Client).ExportAsync(folder, new ExportOptions { AllThreads = true });

        AssistantsApiException error = Assert.CatchAsync<AssistantsApiException>(() => new AssistantsImporter(source.Client).ImportAsync(folder))!;

        Assert.That(error.Status, Is.EqualTo(409));
        Assert.That(error.ErrorCode, Is.EqualTo("already_exists"));
    }

    [Test]
    public async Task Import_RouteOff_Gets403()
    {
        string folder = Path.Combine(_root, "export");
        await using MigrationServer source = new();
        await source.PopulateAsync();
        await new AssistantsExporter(source.Client).ExportAsync(folder, new ExportOptions { AllThreads = true });
        await using MigrationServer closed = new(enableImport: false);

        AssistantsApiException error = Assert.CatchAsync<AssistantsApiException>(() => new AssistantsImporter(closed.Client).ImportAsync(folder))!;

        Assert.That(error.Status, Is.EqualTo(403));
    }

    [TestCase(2)]
    [TestCase(5)]
    [TestCase(8)]
    [TestCase(10)]
    public async Task Export_InterruptedAfterNRequests_ResumesWithoutDuplicates(int requestsBeforeFailure)
    {
        string clean = Path.Combine(_root, "clean");
        string resumed = Path.Combine(_root, "resumed");
        await using MigrationServer source = new();
        string threadId = await source.PopulateAsync();
        ExportOptions options = new() { ThreadIds = { threadId } };
        await new AssistantsExporter(source.Client).ExportAsync(clean, options);

        FailAfter failing = null!;
        using (HttpClient http = new(failing = new FailAfter(requestsBeforeFailure, source.Server.CreateHandler())))
        using (AssistantsApiClient flaky = new(http, new AssistantsClientOptions { Profile = ServerProfile.Embedded(), Retry = new RetryOptions { MaxRetries = 0 } }))
        {
            Assert.That(async () => await new AssistantsExporter(flaky).ExportAsync(resumed, options), Throws.InstanceOf<Exception>());
        }

        ExportResult result = await new AssistantsExporter(source.Client).ExportAsync(resumed, options);

        Assert.Multiple(() =>
        {
            Assert.That(failing.Sent, Is.EqualTo(requestsBeforeFailure));
            Assert.That(result.UnitsSkipped, Is.GreaterThanOrEqualTo(0));
            SortedDictionary<string, byte[]> a = MigrationServer.Contents(clean), b = MigrationServer.Contents(resumed);
            Assert.That(b.Keys, Is.EqualTo(a.Keys));
            foreach (string name in a.Keys)
            {
                Assert.That(Encoding.UTF8.GetString(b[name]), Is.EqualTo(Encoding.UTF8.GetString(a[name])), name);
            }
        });
    }

    [Test]
    public async Task Export_ResumedAfterTheThread_SkipsIt()
    {
        string folder = Path.Combine(_root, "export");
        await using MigrationServer source = new();
        string threadId = await source.PopulateAsync();
        ExportOptions options = new() { ThreadIds = { threadId } };

        // thread, messages, runs, steps: 4 requests complete the thread's unit; the 5th (the assistant list) fails.
        using (HttpClient http = new(new FailAfter(4, source.Server.CreateHandler())))
        using (AssistantsApiClient flaky = new(http, new AssistantsClientOptions { Profile = ServerProfile.Embedded(), Retry = new RetryOptions { MaxRetries = 0 } }))
        {
            Assert.That(async () => await new AssistantsExporter(flaky).ExportAsync(folder, options), Throws.InstanceOf<Exception>());
        }

        List<ExportProgress> reports = [];
        ExportResult result = await new AssistantsExporter(source.Client).ExportAsync(folder, new ExportOptions { ThreadIds = { threadId }, Progress = new SyncProgress(reports) });

        Assert.Multiple(() =>
        {
            Assert.That(result.UnitsSkipped, Is.EqualTo(1));
            Assert.That(reports[0].Skipped, Is.True);
            Assert.That(reports[0].Id, Is.EqualTo(threadId));
            Assert.That(result.Objects["messages.jsonl"], Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Export_FileTheServerRefuses_IsListedAsNotExported()
    {
        string folder = Path.Combine(_root, "export");
        await using MigrationServer source = new(wrap: handler => new RefuseContent("chart", handler));
        await source.PopulateAsync();

        ExportResult result = await new AssistantsExporter(source.Client).ExportAsync(folder, new ExportOptions { AllThreads = true });

        JsonObject line = (JsonObject)JsonNode.Parse(File.ReadAllLines(Path.Combine(folder, "not-exported.jsonl")).Single())!;
        Assert.Multiple(() =>
        {
            Assert.That(result.NotExported, Is.EqualTo(1));
            Assert.That(result.Objects["files.jsonl"], Is.EqualTo(1));
            Assert.That((string?)line["kind"], Is.EqualTo("file"));
            Assert.That((int?)line["status"], Is.EqualTo(400));
            Assert.That((string?)line["reason"], Is.EqualTo("Not allowed to download files of purpose: vision"));
            Assert.That((string?)line["object"]?["filename"], Is.EqualTo("chart.png"));
            Assert.That(Directory.GetFiles(Path.Combine(folder, "files")), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task Import_ThroughPublicRoutes_MapsIdsAndListsLosses()
    {
        string folder = Path.Combine(_root, "export");
        string sourceThread;
        List<string> sourceTexts;
        await using (MigrationServer source = new())
        {
            sourceThread = await source.PopulateAsync();
            await new AssistantsExporter(source.Client).ExportAsync(folder, new ExportOptions { ThreadIds = { sourceThread } });
            sourceTexts = await TextsAsync(source.Client, sourceThread);
        }

        await using MigrationServer target = new(enableImport: false);
        ImportResult result = await new AssistantsImporter(target.Client).ImportAsync(folder, new ImportOptions { Target = ImportTarget.PublicRoutes });

        string newThread = result.IdMap[sourceThread];
        ThreadMessage user = (await target.Client.Messages.ListAsync(newThread, new MessageCollectionOptions { Order = ListOrder.Ascending }).ToListAsync())[0];
        string[] mapLines = File.ReadAllLines(folder + ".id-map.jsonl");
        Assert.Multiple(async () =>
        {
            Assert.That(newThread, Is.Not.EqualTo(sourceThread));
            Assert.That(await TextsAsync(target.Client, newThread), Is.EqualTo(sourceTexts));
            Assert.That(user.Attachments?.Single().FileId, Is.EqualTo(result.IdMap[((JsonObject)JsonNode.Parse(File.ReadLines(Path.Combine(folder, "messages.jsonl")).First())!)["attachments"]![0]!["file_id"]!.GetValue<string>()]));
            Assert.That(user.Content!.OfType<MessageImageFileContent>().Single().ImageFile?.FileId, Is.AnyOf(result.IdMap.Values.ToArray()));
            Assert.That(user.Metadata?["source"], Is.EqualTo("app"));
            Assert.That(result.Imported["file"], Is.EqualTo(2));
            Assert.That(result.Imported["assistant"], Is.EqualTo(1));
            Assert.That(result.Imported["vector_store"], Is.EqualTo(2));
            Assert.That(mapLines, Has.Length.EqualTo(result.IdMap.Count));
            Assert.That(result.Losses, Has.Some.StartsWith("runs not imported").And.EndsWith(": 1"));
            Assert.That(result.Losses, Has.Some.StartsWith("run steps not imported").And.EndsWith(": 2"));
            Assert.That(result.Losses, Has.Some.StartsWith("annotations dropped").And.EndsWith(": 2"));
            Assert.That(result.Losses, Has.Some.StartsWith("timestamps"));
        });
    }

    private static async Task<List<string>> TextsAsync(AssistantsApiClient client, string threadId)
    {
        List<string> texts = [];
        await foreach (ThreadMessage message in client.Messages.ListAsync(threadId, new MessageCollectionOptions { Order = ListOrder.Ascending }))
        {
            texts.Add(message.Role + ": " + string.Concat((message.Content ?? []).OfType<MessageTextContent>().Select(c => c.Text?.Value)));
        }

        return texts;
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool, so a test could miss reports).</summary>
    private sealed class SyncProgress(List<ExportProgress> reports) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value) => reports.Add(value);
    }

    /// <summary>Passes <c>n</c> requests to the server, then fails every one as a lost connection would.</summary>
    private sealed class FailAfter(int n, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public int Sent { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Sent >= n)
            {
                throw new HttpRequestException("injected: connection lost");
            }

            Sent++;
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Refuses the content of files whose name starts with a prefix, as OpenAI refuses purpose <c>assistants</c> (400).</summary>
    private sealed class RefuseContent(string fileNamePrefix, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly HashSet<string> _refused = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string path = request.RequestUri!.AbsolutePath;
            string[] segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (request.Method == HttpMethod.Get && segments is [_, "files", string id, "content"] && _refused.Contains(id))
            {
                return new HttpResponseMessage(HttpStatusCode.BadRequest)
                {
                    Content = new StringContent("""{"error":{"message":"Not allowed to download files of purpose: vision","type":"invalid_request_error","param":null,"code":null}}""", Encoding.UTF8, "application/json"),
                };
            }

            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Post && segments is [_, "files"] && response.IsSuccessStatusCode)
            {
                JsonNode file = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
                if (((string?)file["filename"])?.StartsWith(fileNamePrefix, StringComparison.Ordinal) == true)
                {
                    _refused.Add((string)file["id"]!);
                }

                response.Content = new StringContent(file.ToJsonString(), Encoding.UTF8, "application/json");
            }

            return response;
        }
    }
}
