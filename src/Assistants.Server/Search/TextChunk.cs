namespace Assistants.Server.Search;

/// <summary>One chunk of an indexed file: its text and how many tokens it holds.</summary>
internal readonly record struct TextChunk(string Text, int Tokens);
