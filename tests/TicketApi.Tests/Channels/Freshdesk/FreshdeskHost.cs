using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Channels;
using TicketApi.Channels.Freshdesk;
using TicketApi.Conversations;
using TicketApi.Data;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Channels.Freshdesk;

/// <summary>
/// The ticket service with the connector pointed at a <see cref="FakeFreshdesk"/>: the background worker is taken
/// out so each test runs the cycles itself, and the connector's delays are recorded, not waited.
/// </summary>
public sealed class FreshdeskHost : IAsyncDisposable
{
    private readonly TicketApiFactory _root;
    private readonly Dictionary<string, string?> _settings;
    private WebApplicationFactory<Program> _app;

    public FreshdeskHost(TicketStoreFixture store, FakeFreshdesk fake, IDictionary<string, string?>? settings = null)
    {
        _root = new TicketApiFactory(store, services =>
        {
            services.AddSingleton(new FreshdeskDelays(Delays));
            var worker = services.Single(d => d.ImplementationType == typeof(FreshdeskWorker));
            services.Remove(worker);
        });
        var all = new Dictionary<string, string?>
        {
            ["FRESHDESK_DOMAIN"] = fake.Address.ToString(),
            ["FRESHDESK_API_KEY"] = FakeFreshdesk.ApiKey,
            ["FRESHDESK_TICKET_LIMIT"] = "100",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            all[name] = value;
        }
        _settings = all;
        _app = Start();
        Client = _app.CreateClient();
    }

    private WebApplicationFactory<Program> Start() => _root.WithWebHostBuilder(builder =>
    {
        foreach (var (name, value) in _settings)
        {
            builder.UseSetting(name, value);
        }
    });

    /// <summary>A new host (new singletons, nothing in memory kept) on the same database, as after a crash and restart.</summary>
    public async Task RestartAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        _app = Start();
        Client = _app.CreateClient();
    }

    public RecordingDelays Delays { get; } = new(FakeFreshdesk.Epoch.AddDays(1));

    public HttpClient Client { get; private set; }

    public IServiceProvider Services => _app.Services;

    public Task RunCycleAsync() => Services.GetRequiredService<FreshdeskConnector>().RunCycleAsync(CancellationToken.None);

    public ChannelStatus Status => Services.GetRequiredService<ChannelStatusBoard>().Snapshot()[FreshdeskConnector.Channel];

    /// <summary>Every ticket and its thread, read straight from the store.</summary>
    public async Task<List<(TicketEntity Ticket, List<TicketMessageEntity> Messages)>> MirroredAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
        var tickets = await db.Tickets.OrderBy(t => t.Id).ToListAsync();
        var messages = (await db.Messages.OrderBy(m => m.Id).ToListAsync()).ToLookup(m => m.TicketId);
        return [.. tickets.Select(t => (t, messages[t.Id].ToList()))];
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await _root.DisposeAsync();
    }
}
