using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Assistants.Server.Tests.FrontDoor;

/// <summary>Each documented limit: one past it is a 400 naming its <c>param</c>, the limit itself is accepted.</summary>
public sealed class ProtocolLimitsTests
{
    private const string Model = "\"model\":\"gpt-4o\"";

    public static IEnumerable<TestCaseData> Cases()
    {
        // (name, method, path, body one past the limit, body at the limit, param, code)
        foreach ((string path, string prefix, string label) in new[]
        {
            ("assistants", Model + ",", "assistant create"),
            ("assistants/{asst}", "", "assistant modify"),
        })
        {
            yield return Case($"{label}: 16 metadata pairs", "POST", path, prefix + Pairs(17), prefix + Pairs(16), "metadata", "object_above_max_properties");
            yield return Case($"{label}: 64-character metadata keys", "POST", path, prefix + Key(65), prefix + Key(64), "metadata", "string_above_max_length");
            yield return Case($"{label}: 512-character metadata values", "POST", path, prefix + Value(513), prefix + Value(512), "metadata.k", "string_above_max_length");
            yield return Case($"{label}: temperature <= 2", "POST", path, prefix + "\"temperature\":2.01", prefix + "\"temperature\":2", "temperature", "decimal_above_max_value");
            yield return Case($"{label}: temperature >= 0", "POST", path, prefix + "\"temperature\":-0.1", prefix + "\"temperature\":0", "temperature", "decimal_below_min_value");
            yield return Case($"{label}: top_p <= 1", "POST", path, prefix + "\"top_p\":1.5", prefix + "\"top_p\":1", "top_p", "decimal_above_max_value");
            yield return Case($"{label}: name 256", "POST", path, prefix + Text("name", 257), prefix + Text("name", 256), "name", "string_above_max_length");
            yield return Case($"{label}: description 512", "POST", path, prefix + Text("description", 513), prefix + Text("description", 512), "description", "string_above_max_length");
            yield return Case($"{label}: instructions 256,000", "POST", path, prefix + Text("instructions", 256_001), prefix + Text("instructions", 256_000), "instructions", "string_above_max_length");
            yield return Case($"{label}: 128 tools", "POST", path, prefix + Tools(129), prefix + Tools(128), "tools", "array_above_max_length");
            yield return Case($"{label}: function name pattern", "POST", path, prefix + Function("get weather"), prefix + Function("get_weather-V2"), "tools[0].function.name", "invalid_value");
            yield return Case($"{label}: function name 64", "POST", path, prefix + Function(new string('f', 65)), prefix + Function(new string('f', 64)), "tools[0].function.name", "invalid_value");
        }

        const string Run = "\"assistant_id\":\"{asst}\",";
        yield return Case("run create: temperature", "POST", "threads/{thread}/runs", Run + "\"temperature\":3", Run + "\"temperature\":2", "temperature", "decimal_above_max_value");
        yield return Case("run create: instructions", "POST", "threads/{thread}/runs", Run + Text("instructions", 256_001), Run + Text("instructions", 256_000), "instructions", "string_above_max_length");
        yield return Case("run create: additional_instructions", "POST", "threads/{thread}/runs", Run + Text("additional_instructions", 256_001), Run + Text("additional_instructions", 256_000), "additional_instructions", "string_above_max_length");
        yield return Case("run create: metadata", "POST", "threads/{thread}/runs", Run + Pairs(17), Run + Pairs(16), "metadata", "object_above_max_properties");
        yield return Case("run create: additional message metadata", "POST", "threads/{thread}/runs", Run + Messages(17, "additional_messages"), Run + Messages(16, "additional_messages"), "additional_messages[0].metadata", "object_above_max_properties");
        yield return Case("run create: tools", "POST", "threads/{thread}/runs", Run + Tools(129), Run + Tools(128), "tools", "array_above_max_length");
        yield return Case("run modify: metadata", "POST", "threads/{thread}/runs/{run}", Pairs(17), Pairs(16), "metadata", "object_above_max_properties");
        const string Thread = "\"thread\":{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],";
        yield return Case("thread and run: top_p", "POST", "threads/runs", Thread + "\"metadata\":{}}," + Run + "\"top_p\":-1", Thread + "\"metadata\":{}}," + Run + "\"top_p\":0", "top_p", "decimal_below_min_value");
        yield return Case("thread and run: thread metadata", "POST", "threads/runs", Run + Thread + Pairs(17) + "}", Run + Thread + Pairs(16) + "}", "thread.metadata", "object_above_max_properties");
        yield return Case("thread and run: thread messages", "POST", "threads/runs", Run + "\"thread\":{" + Messages(17, "messages") + "}", Run + "\"thread\":{" + Messages(16, "messages") + "}", "thread.messages[0].metadata", "object_above_max_properties");
        yield return Case("thread create: metadata", "POST", "threads", Pairs(17), Pairs(16), "metadata", "object_above_max_properties");
        yield return Case("thread create: message metadata", "POST", "threads", Messages(17, "messages"), Messages(16, "messages"), "messages[0].metadata", "object_above_max_properties");
        yield return Case("thread modify: metadata values", "POST", "threads/{thread}", Value(513), Value(512), "metadata.k", "string_above_max_length");
        const string Message = "\"role\":\"user\",\"content\":\"hi\",";
        yield return Case("message create: metadata", "POST", "threads/{thread}/messages", Message + Pairs(17), Message + Pairs(16), "metadata", "object_above_max_properties");
        yield return Case("message modify: metadata keys", "POST", "threads/{thread}/messages/{msg}", Key(65), Key(64), "metadata", "string_above_max_length");
        yield return Case("vector store create: metadata", "POST", "vector_stores", Pairs(17), Pairs(16), "metadata", "object_above_max_properties");
        yield return Case("vector store modify: metadata", "POST", "vector_stores/{vs}", Value(513), Value(512), "metadata.k", "string_above_max_length");
        yield return Case("list: limit <= 100", "GET", "assistants?limit=101", null, "assistants?limit=100", "limit", "integer_above_max_value");
        yield return Case("list: limit >= 1", "GET", "threads/{thread}/messages?limit=0", null, "threads/{thread}/messages?limit=1", "limit", "integer_below_min_value");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task OnePastTheLimit_Is400NamingParam(string method, string path, string? over, string inside, string param, string code)
    {
        await using TestApi api = TestApi.Create();
        Dictionary<string, string> ids = await FixturesAsync(api);

        var (status, body, _) = await api.SendAsync(new HttpMethod(method), Fill(path, ids), over is null ? null : "{" + Fill(over, ids) + "}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body.ToJsonString());
        JsonObject error = (JsonObject)body["error"]!;
        Assert.That((string?)error["param"], Is.EqualTo(param));
        Assert.That((string?)error["code"], Is.EqualTo(code));
        Assert.That((string?)error["type"], Is.EqualTo("invalid_request_error"));
        Assert.That((string?)error["message"], Does.StartWith($"Invalid '{param}': "));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task AtTheLimit_IsAccepted(string method, string path, string? over, string inside, string param, string code)
    {
        await using TestApi api = TestApi.Create();
        Dictionary<string, string> ids = await FixturesAsync(api);

        var (status, body, _) = method == "GET"
            ? await api.SendAsync(HttpMethod.Get, Fill(inside, ids))
            : await api.SendAsync(HttpMethod.Post, Fill(path, ids), "{" + Fill(inside, ids) + "}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
    }

    [Test]
    public async Task TheOverLimitMessage_ReadsAsTheServiceWordsIt()
    {
        await using TestApi api = TestApi.Create();

        var (_, body, _) = await api.SendAsync(HttpMethod.Post, "assistants", "{" + Model + "," + Pairs(17) + "}");

        Assert.That((string?)body["error"]!["message"], Is.EqualTo(
            "Invalid 'metadata': too many properties. Expected an object with at most 16 properties, but got an object with 17 properties instead."));
    }

    private static TestCaseData Case(string name, string method, string path, string? over, string inside, string param, string code) =>
        new TestCaseData(method, path, over, inside, param, code).SetName(name);

    private static async Task<Dictionary<string, string>> FixturesAsync(TestApi api)
    {
        string assistantId = await api.CreateAssistantAsync();
        string threadId = await api.CreateThreadAsync();
        JsonObject messages = await api.GetAsync($"threads/{threadId}/messages");
        JsonObject run = await api.PostAsync($"threads/{threadId}/runs", $$"""{"assistant_id":"{{assistantId}}"}""");
        await api.Server.WaitForIdleAsync();
        JsonObject store = await api.PostAsync("vector_stores", "{}");
        return new Dictionary<string, string>
        {
            ["{asst}"] = assistantId,
            ["{thread}"] = threadId,
            ["{msg}"] = (string)messages["data"]![0]!["id"]!,
            ["{run}"] = (string)run["id"]!,
            ["{vs}"] = (string)store["id"]!,
        };
    }

    private static string Fill(string text, Dictionary<string, string> ids) =>
        ids.Aggregate(text, (current, pair) => current.Replace(pair.Key, pair.Value, System.StringComparison.Ordinal));

    private static string Pairs(int count) => "\"metadata\":{" + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"k{i}\":\"v\"")) + "}";

    private static string Key(int length) => "\"metadata\":{\"" + new string('k', length) + "\":\"v\"}";

    private static string Value(int length) => "\"metadata\":{\"k\":\"" + new string('v', length) + "\"}";

    private static string Text(string field, int length) => $"\"{field}\":\"{new string('x', length)}\"";

    private static string Messages(int pairs, string field) => $"\"{field}\":[{{\"role\":\"user\",\"content\":\"hi\",{Pairs(pairs)}}}]";

    private static string Function(string name) => "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"" + name + "\"}}]";

    private static string Tools(int count) =>
        "\"tools\":[" + string.Join(",", Enumerable.Range(0, count).Select(i => $"{{\"type\":\"function\",\"function\":{{\"name\":\"f{i}\"}}}}")) + "]";
}
