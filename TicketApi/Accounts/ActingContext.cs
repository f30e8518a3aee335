using TicketApi.Contracts;

namespace TicketApi.Accounts;

/// <summary>
/// Who is acting, through which channel (<see cref="TicketMessageChannels"/>), and for the chat and MCP, with
/// which tool: what the audit trail records and what visibility is decided on (docs/accounts.md, "Acting").
/// </summary>
public sealed record Acting(Actor Actor, string Channel, string? Tool = null)
{
    public static Acting System { get; } = new(Actor.System, TicketMessageChannels.System);
}

/// <summary>
/// The <see cref="Acting"/> of the current asynchronous flow, as <c>Activity.Current</c> is. The HTTP pipeline
/// enters it for every request (<see cref="AccountsExtensions.UseAccounts"/>); the chat and MCP enter a narrower
/// one around each tool call. The ticket service reaches the same code from REST, from the chat's in-process
/// tools (each in a scope of its own) and from MCP stdio (no HTTP at all), so an ambient value is the one place
/// all three can read. Work that no request started (background workers) acts as <see cref="Acting.System"/>.
/// </summary>
public static class ActingContext
{
    private static readonly AsyncLocal<Acting?> CurrentValue = new();

    public static Acting Current => CurrentValue.Value ?? Acting.System;

    public static Actor Actor => Current.Actor;

    /// <summary>Acts as <paramref name="acting"/> until the result is disposed (in the same asynchronous method).</summary>
    public static IDisposable Enter(Acting acting)
    {
        ArgumentNullException.ThrowIfNull(acting);
        var previous = CurrentValue.Value;
        CurrentValue.Value = acting;
        return new Restore(previous);
    }

    /// <summary>The current actor through another channel, or with a tool named: what the chat and MCP enter per call.</summary>
    public static IDisposable EnterTool(string channel, string? tool) => Enter(Current with { Channel = channel, Tool = tool });

    private sealed class Restore(Acting? previous) : IDisposable
    {
        public void Dispose() => CurrentValue.Value = previous;
    }
}
