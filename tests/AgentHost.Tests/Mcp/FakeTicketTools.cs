using System.ComponentModel;
using AgentHost.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Tests.Mcp;

/// <summary>
/// A tiny stand-in catalogue for the transport tests: one read tool, one write tool, one that refuses the way
/// the real catalogue does (<c>ok: false</c>), one that throws. The transport must not care which tools it serves.
/// </summary>
internal static class FakeTicketTools
{
    public static IReadOnlyList<TicketToolDefinition> All { get; } =
    [
        new(AIFunctionFactory.Create(
                ([Description("Text to echo.")] string text) => new { ok = true, summary = $"echo: {text}" },
                "echo", "Echoes its input."),
            "Echo", ReadOnly: true, Destructive: false, Idempotent: true),
        new(AIFunctionFactory.Create(
                ([Description("Ticket id.")] long id) => new { ok = false, summary = $"Ticket with id '{id}' was not found.", allowed_transitions = new[] { "RESOLVED" } },
                "refuse", "Always refuses."),
            "Refuse", ReadOnly: true, Destructive: false, Idempotent: true),
        new(AIFunctionFactory.Create(
                ([Description("Name.")] string name) => new { ok = true, summary = $"wrote {name}" },
                "write_thing", "Writes something."),
            "Write a thing", ReadOnly: false, Destructive: true, Idempotent: false),
        new(AIFunctionFactory.Create(
                Func<string> () => throw new InvalidOperationException("The thing broke; try again later."),
                "explode", "Always throws."),
            "Explode", ReadOnly: true, Destructive: false, Idempotent: true),
    ];
}
