using System.Net;
using System.Net.Http.Json;
using AgentHost.Chat.Sessions;
using AgentHost.Chat.Sessions.Storage;
using AgentHost.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Tests.Infrastructure;

namespace AgentHost.Tests.Sessions;

/// <summary>
/// A live turn renews its claim's lease while it runs (docs/chat-sse.md, "Where sessions are stored"), so a turn
/// that takes longer than the lease still holds its session against another host. The lease is short here and
/// the clock is moved past it while the turn waits; renewals come from real timer ticks.
/// </summary>
public abstract class TurnLeaseRenewalTests(TicketStoreFixture stores) : IDisposable
{
    private static readonly TimeSpan ShortLease = TimeSpan.FromMilliseconds(300);

    private readonly string _database = stores.CreateDatabase();

    public void Dispose()
    {
        stores.DropDatabase(_database);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_turn_running_past_its_lease_keeps_its_session_from_another_host_and_is_saved()
    {
        var start = DateTimeOffset.UtcNow;
        var clock = new FixedTimeProvider(start);
        var slow = new GatedChatClient();
        await using var hostA = Host(slow, clock);
        await using var hostB = Host(clock: clock);
        using var running = await hostA.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/chat?message=hi&session_id=long"),
            HttpCompletionOption.ResponseHeadersRead);
        var runningFrames = SseReader.ReadAllAsync(running);
        await slow.FirstWordSent.Task.WaitAsync(TimeSpan.FromSeconds(20));

        clock.Now = start + TimeSpan.FromMinutes(10); // far past the lease the claim began with
        await WaitForLeaseStartAsync(hostA, "long", clock.Now, TimeSpan.FromSeconds(20));
        using var busy = await hostB.CreateClient().PostAsJsonAsync("/chat", new { message = "what's open?", session_id = "long" });
        slow.Gate.SetResult();
        var (frames, _) = await runningFrames.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Equal("end", frames[^1].Event);
    }

    /// <summary>Polls the stored session until its lease start has reached <paramref name="atLeast"/> (a renewal happened then).</summary>
    private static async Task WaitForLeaseStartAsync(AgentHostFactory host, string sessionId, DateTimeOffset atLeast, TimeSpan limit)
    {
        var database = host.Services.GetRequiredService<ChatSessionDatabase>();
        var wanted = (atLeast.UtcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
        using var deadline = new CancellationTokenSource(limit);
        while (true)
        {
            await using (var connection = await database.OpenAsync(deadline.Token))
            await using (var select = connection.CreateCommand())
            {
                select.CommandText = $"SELECT turn_started FROM chat_sessions WHERE id = '{sessionId}'";
                if (await select.ExecuteScalarAsync(deadline.Token) is long started && started >= wanted)
                {
                    return;
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token); // polling interval, bounded by the deadline
        }
    }

    private AgentHostFactory Host(IChatClient? provider = null, TimeProvider? clock = null) => new()
    {
        DatabaseConnectionString = _database,
        Provider = provider,
        Clock = clock,
        ConfigureServices = services => services.Configure<ChatSessionOptions>(options => options.TurnLease = ShortLease),
    };
}

public sealed class TurnLeaseRenewalOnSqliteTests() : TurnLeaseRenewalTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class TurnLeaseRenewalOnPostgresTests(PostgresServer server) : TurnLeaseRenewalTests(server);
