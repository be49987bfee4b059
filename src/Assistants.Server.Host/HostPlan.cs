using System.Collections.Generic;

namespace Assistants.Server.Host;

/// <summary>What <see cref="HostStartup.Plan"/> decided.</summary>
/// <param name="Keys">The accepted keys; empty with <c>--no-auth</c>.</param>
/// <param name="KeyFile">The key file in use, or <see langword="null"/>.</param>
/// <param name="KeyCreated">Whether the key file was created by this start.</param>
/// <param name="Refusal">Why the Host must not start, or <see langword="null"/>.</param>
internal sealed record HostPlan(IReadOnlyList<string> Keys, string? KeyFile, bool KeyCreated, string? Refusal);
