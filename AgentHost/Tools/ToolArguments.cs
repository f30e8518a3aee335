using TicketApi.Contracts;

namespace AgentHost.Tools;

/// <summary>A tool call's arguments after <see cref="ToolParameter.Read"/> has checked each of them.</summary>
public sealed class ToolArguments(IReadOnlyDictionary<string, object> values)
{
    /// <summary>The arguments given, by name (absent and null arguments are left out).</summary>
    public IReadOnlyDictionary<string, object> Values => values;

    public long Id(string name = "id") => (long)values[name];

    public string? Text(string name) => values.TryGetValue(name, out var value) ? (string)value : null;

    public TicketStatus? Status(string name) => values.TryGetValue(name, out var value) ? (TicketStatus)value : null;
}
