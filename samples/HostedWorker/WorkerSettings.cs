/// <summary>What the worker asks, and with which model.</summary>
/// <param name="Model">The model to create the assistant with.</param>
/// <param name="Question">The user's message.</param>
internal sealed record WorkerSettings(string Model, string Question);
