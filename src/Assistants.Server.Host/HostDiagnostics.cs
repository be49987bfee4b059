using System;
using System.IO;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Assistants.Server.Host;

/// <summary>
/// The opt-in memory figures (<c>--diagnostics</c>, off by default): <c>GET /_diagnostics/memory</c> answers the
/// process's working set and GC heap figures as JSON, after a full blocking collection with <c>?gc=1</c>. Only a
/// loopback peer naming a loopback Host gets an answer (403 otherwise); no key is needed, and nothing but memory
/// figures is shown. The benchmark's soak mode reads it.
/// </summary>
internal static class HostDiagnostics
{
    /// <summary>The endpoint's path.</summary>
    public const string MemoryPath = "/_diagnostics/memory";

    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet(MemoryPath, new RequestDelegate(HandleAsync));

    /// <summary>Answers a request for the memory figures: 403 unless the peer and the Host header are loopback.</summary>
    public static async Task HandleAsync(HttpContext context)
    {
        IPAddress? remote = context.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)
            || !Http.FrontDoor.IsLoopbackHost(context.Request.Host.Value))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        byte[] json = Describe(collect: context.Request.Query["gc"] == "1");
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json).ConfigureAwait(false);
    }

    /// <summary>The figures as JSON (bytes); <paramref name="collect"/> runs a full compacting collection first.</summary>
    public static byte[] Describe(bool collect)
    {
        if (collect)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        GCMemoryInfo info = GC.GetGCMemoryInfo(GCKind.Any);
        using MemoryStream buffer = new();
        using (Utf8JsonWriter json = new(buffer))
        {
            json.WriteStartObject();
            json.WriteBoolean("collected", collect);
            json.WriteNumber("working_set_bytes", Environment.WorkingSet);
            json.WriteNumber("gc_heap_bytes", GC.GetTotalMemory(forceFullCollection: false));
            json.WriteNumber("gc_total_allocated_bytes", GC.GetTotalAllocatedBytes(precise: false));
            json.WriteNumber("gc_heap_size_bytes", info.HeapSizeBytes);
            json.WriteNumber("gc_fragmented_bytes", info.FragmentedBytes);
            json.WriteNumber("gc_committed_bytes", info.TotalCommittedBytes);
            json.WriteNumber("gc_promoted_bytes", info.PromotedBytes);
            json.WriteNumber("gc_index", info.Index);
            json.WriteNumber("gc_generation", info.Generation);
            json.WriteNumber("gc_count_gen0", GC.CollectionCount(0));
            json.WriteNumber("gc_count_gen2", GC.CollectionCount(2));
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
