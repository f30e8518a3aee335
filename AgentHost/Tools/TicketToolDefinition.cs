using Microsoft.Extensions.AI;

namespace AgentHost.Tools;

/// <summary>
/// One ticket tool, defined once: the <see cref="AIFunction"/> the chat pipeline calls, plus the traits
/// the MCP server turns into tool annotations and read-only filtering.
/// </summary>
/// <param name="OpenWorld">True only for a tool whose effect leaves the system (send_draft emails a person).</param>
public sealed record TicketToolDefinition(
    AIFunction Function,
    string Title,
    bool ReadOnly,
    bool Destructive,
    bool Idempotent,
    bool OpenWorld = false)
{
    public string Name => Function.Name;
}
