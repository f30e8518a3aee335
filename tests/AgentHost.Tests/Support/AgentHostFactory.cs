using AgentHost.Chat;
using AgentHost.Tickets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Ai;

namespace AgentHost.Tests.Support;

/// <summary>
/// The whole agent host in memory, embedded ticket service included, on a fresh SQLite file. The tools reach
/// it in-process, as in production; with <see cref="TicketHandler"/> they use the HTTP client (as with
/// <c>TICKET_API_URL</c>) against that handler, and with <see cref="FailEvery"/> against the host's own REST
/// endpoints through a flaky handler, so retries meet the real service. The model is the offline planner
/// unless a test supplies a provider.
/// Any type of the AgentHost assembly names its entry point; <c>Program</c> is ambiguous here because
/// TicketApi, which the host embeds, has one too.
/// </summary>
public sealed class AgentHostFactory : WebApplicationFactory<AgentHost.Tools.TicketToolCatalogue>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"agenthost-tests-{Guid.NewGuid():N}.db");
    private FlakyHandler? _flaky;

    /// <summary>A provider to put under the tool loop instead of the offline planner.</summary>
    public IChatClient? Provider { get; init; }

    /// <summary>Provider settings to use instead of the offline planner (OpenAI SDK modes).</summary>
    public ChatProviderSettings? Settings { get; init; }

    /// <summary>Fail every n-th ticket-service call (0: never).</summary>
    public int FailEvery { get; init; }

    /// <summary>Replaces the ticket service entirely (no embedded database calls).</summary>
    public HttpMessageHandler? TicketHandler { get; init; }

    public TimeProvider? Clock { get; init; }

    /// <summary>
    /// The database of tickets and chat sessions (sessions alone when <see cref="TicketHandler"/> is set) instead of
    /// the factory's own SQLite file: two factories on one database are a restarted host, or two hosts side by side.
    /// </summary>
    public string? DatabaseConnectionString { get; init; }

    /// <summary>Configuration as the environment would give it (the names of .env.example).</summary>
    public Dictionary<string, string> Environment { get; init; } = [];

    /// <summary>Serve over real Kestrel on a loopback port, exactly as in production.</summary>
    public bool OverLoopback { get; init; }

    /// <summary>Last changes to the host's services (options such as session limits or the SSE retry interval).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public FlakyHandler? Flaky => _flaky;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var database = DatabaseConnectionString ?? $"Data Source={_databasePath}";
        builder.UseSetting("ConnectionStrings:Tickets", database);
        // With a remote ticket service the sessions need a database of their own; never the default file in the working directory.
        builder.UseSetting("ConnectionStrings:ChatSessions", database);
        builder.UseSetting("TICKET_API_URL", TicketHandler is null ? "" : "http://tickets.test/");
        // The embedded ticket service triages offline whatever the developer's environment holds (a test may override it).
        builder.UseSetting("TRIAGE_MODEL", "off");
        foreach (var (name, value) in Environment)
        {
            builder.UseSetting(name, value);
        }
        builder.ConfigureTestServices(services =>
        {
            if (Settings is not null || Environment.Count == 0)
            {
                services.AddSingleton(Settings ?? ChatProviderSettings.Offline);
            }
            if (Clock is not null)
            {
                services.AddSingleton(Clock);
            }

            if (Provider is not null)
            {
                services.AddKeyedSingleton(ChatPipelineServiceCollectionExtensions.ProviderKey, Provider);
            }

            if (TicketHandler is not null)
            {
                services.UseTicketServiceHandler(_ => TicketHandler);
            }
            else if (FailEvery > 0)
            {
                services.UseTicketServiceHandler(_ => TicketServiceHandler());
                services.AddSingleton<ITicketService>(sp => sp.GetRequiredService<TicketApiClient>());
            }

            // Drafting and mail are features of their own; where the host has none registered, scripted stand-ins
            // keep the draft tools answering (docs/drafts.md, "Testing").
            AgentTickets.Testing.DraftStandIns.ReplaceUnavailable(services);

            services.Configure<TicketServiceOptions>(o =>
            {
                o.BaseDelay = TimeSpan.FromMilliseconds(5);
                o.MaxDelay = TimeSpan.FromMilliseconds(50);
            });
            ConfigureServices?.Invoke(services);
        });
    }

    /// <summary>Starts the host (on Kestrel when <see cref="OverLoopback"/>).</summary>
    public AgentHostFactory Started()
    {
        if (OverLoopback)
        {
            UseKestrel(0);
            StartServer();
        }
        else
        {
            _ = Server;
        }

        return this;
    }

    private FlakyHandler TicketServiceHandler() =>
        _flaky ??= new FlakyHandler(FailEvery) { InnerHandler = Server.CreateHandler() };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            try
            {
                File.Delete(_databasePath + suffix);
            }
            catch (IOException)
            {
                // A file still held open is left for the OS temp cleaner; it is unique to this factory.
            }
        }
    }
}
