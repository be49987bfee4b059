using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Server.Tests.FileSearch;

/// <summary>Uploads and vector stores through the HTTP API, for the file search tests.</summary>
internal static class FileSearchApi
{
    public static async Task<string> UploadAsync(this HttpClient http, string fileName, string content) =>
        await UploadAsync(http, fileName, Encoding.UTF8.GetBytes(content));

    public static async Task<string> UploadAsync(this HttpClient http, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("assistants"), "purpose" },
            { new ByteArrayContent(content), "file", fileName },
        };
        using HttpResponseMessage response = await http.PostAsync("files", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    /// <summary>Uploads the corpus; returns file id by file name.</summary>
    public static async Task<Dictionary<string, string>> UploadCorpusAsync(this HttpClient http)
    {
        Dictionary<string, string> ids = [];
        foreach ((string name, string content) in FileSearchCorpus.Documents)
        {
            ids[name] = await http.UploadAsync(name, content);
        }

        return ids;
    }

    public static string IdsJson(IEnumerable<string> ids) => "[" + string.Join(",", ids.Select(id => $"\"{id}\"")) + "]";
}
