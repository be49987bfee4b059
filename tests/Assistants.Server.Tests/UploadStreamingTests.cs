using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Assistants.Client.Tests;
using NUnit.Framework;

namespace Assistants.Server.Tests;

/// <summary>Uploads stream to storage: a 200 MB upload allocates a bounded amount, whatever the store.</summary>
[TestFixture(StoreKind.Memory)]
[TestFixture(StoreKind.Sqlite)]
public sealed class UploadStreamingTests(StoreKind store)
{
    private const long Size = 200L * 1024 * 1024;
    private const long AllocationBound = 16L * 1024 * 1024;

    [Test]
    public async Task Upload_200MegabytesFromANonSeekableStream_AllocatesUnder16Megabytes()
    {
        await using TestApi api = TestApi.Create(store: store);
        await UploadAsync(api, 1024); // warms up the request path, so the measure below is the upload's own cost

        long before = GC.GetTotalAllocatedBytes(precise: true);
        JsonObject file = await UploadAsync(api, Size);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        TestContext.Out.WriteLine($"{store}: 200 MB upload allocated {allocated:N0} bytes");
        Assert.That((long)file["bytes"]!, Is.EqualTo(Size));
        Assert.That(allocated, Is.LessThan(AllocationBound));

        using HttpResponseMessage content = await api.Http.GetAsync($"files/{(string)file["id"]!}/content", HttpCompletionOption.ResponseHeadersRead);
        Stream body = await content.Content.ReadAsStreamAsync();
        byte[] buffer = new byte[81920];
        long total = 0;
        int read;
        byte first = 0;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            first = total == 0 ? buffer[0] : first;
            total += read;
        }

        Assert.That(total, Is.EqualTo(Size));
        Assert.That(first, Is.EqualTo((byte)'a'));
    }

    private static async Task<JsonObject> UploadAsync(TestApi api, long size)
    {
        var file = new StreamContent(new GeneratedStream(size));
        using var form = new MultipartFormDataContent { { new StringContent("assistants"), "purpose" }, { file, "file", "big.bin" } };
        using HttpResponseMessage response = await api.Http.PostAsync("files", form);
        string text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return (JsonObject)JsonNode.Parse(text)!;
    }
}
