using System.Text.Json;

namespace AgentCli.Streaming;

/// <summary>One frame of the agent host's SSE stream, as docs/chat-sse.md defines them.</summary>
internal abstract record ChatFrame;

/// <summary><c>event: token</c>: a piece of the answer text.</summary>
internal sealed record TokenFrame(string Delta) : ChatFrame;

/// <summary><c>event: tool</c>: the agent called one of the ticket tools.</summary>
internal sealed record ToolFrame(string Name, JsonElement? Arguments, string? Status, string? Summary) : ChatFrame;

/// <summary><c>event: end</c>: the answer is complete; carries the session to continue in.</summary>
internal sealed record EndFrame(bool Ok, string? SessionId) : ChatFrame;

/// <summary><c>event: error</c>: the run failed; the stream ends here.</summary>
internal sealed record ErrorFrame(string Message) : ChatFrame;
