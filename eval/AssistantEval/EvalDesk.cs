using AgentHost.Chat;
using AgentHost.Chat.Sessions;
using AgentHost.Chat.Sessions.Storage;
using AgentHost.Tickets;
using AgentHost.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TicketApi.Contracts;
using TicketApi.Tickets;

namespace AssistantEval;

/// <summary>
/// The product as a person meets it with no model configured: the offline planner under the real tool loop and
/// turn runner, on an in-process ticket service (a fresh SQLite file) seeded so that every id a set names exists.
/// The clock stands at Saturday 2026-11-21 12:00 UTC, the "today" of the sets.
/// </summary>
internal sealed class EvalDesk : IAsyncDisposable
{
    public static readonly DateTimeOffset Today = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    // Enough that every ticket a set's context names exists (blind-2's contexts name ids up to 402).
    private const int SeededTickets = 500;
    private readonly IHost _host;
    private readonly string _databasePath;

    private EvalDesk(IHost host, string databasePath)
    {
        _host = host;
        _databasePath = databasePath;
    }

    public ITicketService Tickets => _host.Services.GetRequiredService<ITicketService>();

    private ChatSessionStore Sessions => _host.Services.GetRequiredService<ChatSessionStore>();

    public static async Task<EvalDesk> StartAsync(CancellationToken cancellationToken)
    {
        var databasePath = Path.Combine(Path.GetTempPath(), $"assistant-eval-{Guid.NewGuid():N}.db");
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.ClearProviders();
        // Whatever the environment says, the offline planner answers and the ticket service is embedded.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tickets"] = $"Data Source={databasePath}",
            ["TICKET_API_URL"] = "",
            ["AZURE_OPENAI_ENDPOINT"] = "",
            ["AZURE_OPENAI_API_KEY"] = "",
            ["AZURE_OPENAI_CHAT_DEPLOYMENT"] = "",
            ["OPENAI_API_KEY"] = "",
            ["OPENAI_BASE_URL"] = "",
            ["OPENAI_MODEL"] = "",
        });
        builder.Services.AddSingleton<TimeProvider>(new FixedClock(Today));
        builder.Services.AddTicketTools(builder.Configuration);
        builder.Services.AddChatPipeline(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync(cancellationToken); // creates the schema
        var desk = new EvalDesk(host, databasePath);
        await desk.SeedAsync(cancellationToken);
        return desk;
    }

    /// <summary>Runs <paramref name="message"/> in a fresh session after the prior turns <paramref name="context"/> describes.</summary>
    public async Task<TurnOutcome> RunAsync(string? context, string message, CancellationToken cancellationToken)
    {
        if (await Sessions.StartTurnAsync(null, TicketApi.Accounts.Actor.SystemId, "(context)", null, cancellationToken) is not TurnStarted setup)
        {
            throw new InvalidOperationException("A fresh session could not start a turn.");
        }

        // The context turn is stored as the pipeline would have stored it, then its journal is closed.
        var prior = await new ContextTurns(Tickets).BuildAsync(context, cancellationToken);
        if (!await Sessions.Repository.CompleteAsync(setup.Claim, new CompletedTurn(prior, null, [], []), Today, cancellationToken))
        {
            throw new InvalidOperationException("The context turn could not be saved.");
        }
        await foreach (var _ in setup.Turn.RecordAsync(Empty(), cancellationToken))
        {
        }

        var next = await Sessions.StartTurnAsync(setup.Session.Id, TicketApi.Accounts.Actor.SystemId, message, null, cancellationToken);
        if (next is not TurnStarted started)
        {
            throw new InvalidOperationException($"The session could not start the message turn: {next}.");
        }

        var runner = _host.Services.GetRequiredService<ChatTurnRunner>();
        var errors = new List<string>();
        await foreach (var frame in started.Turn.RecordAsync(runner.RunAsync(started, cancellationToken), cancellationToken))
        {
            if (frame.Event.Name == ChatStreamEvent.Error)
            {
                errors.Add(frame.Event.Data.ToString() ?? "error");
            }
        }

        // What the turn left is read back from the store, as the next turn would find it.
        var stored = (await Sessions.Repository.ClaimAsync(started.Session.Id, TicketApi.Accounts.Actor.SystemId, Today, cancellationToken)).Claimed
            ?? throw new InvalidOperationException("The session was not stored.");
        await Sessions.Repository.ReleaseAsync(stored, cancellationToken);
        var history = stored.History;
        var lastUser = history.ToList().FindLastIndex(m => m.Role == ChatRole.User);
        var turn = history.Skip(lastUser + 1).ToList();
        return TurnOutcome.From(turn, stored.Pending, errors);
    }

    private static async IAsyncEnumerable<ChatStreamEvent> Empty()
    {
        await Task.CompletedTask;
        yield return ChatStreamEvent.ForEnd("context");
    }

    /// <summary>Tickets with ids 1..500 in every category, status and priority, so any id a set names exists.</summary>
    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < SeededTickets; i++)
        {
            var (title, description) = SeedTickets.Samples[i % SeedTickets.Samples.Count];
            var created = await Tickets.CreateAsync(new TicketChanges(title, description, null, RequesterEmail: $"user{i % 17}@example.com"), cancellationToken);
            var id = created.Value?.Id ?? throw new InvalidOperationException($"Seeding failed: {created.Problem?.Message}");
            if (i % 3 == 1)
            {
                await Tickets.SetStatusAsync(id, TicketStatus.Resolved, cancellationToken);
            }
            else if (i % 3 == 2 && i % 2 == 0)
            {
                await Tickets.SetStatusAsync(id, TicketStatus.Resolved, cancellationToken);
                await Tickets.SetStatusAsync(id, TicketStatus.Closed, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
