using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AgentHost.Tests.Support;
using AgentTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;

namespace AgentHost.Tests.Accounts;

/// <summary>
/// A chat session is its opener's (docs/chat-sse.md, "Whose session it is"): with accounts required, Ann (a requester)
/// holds a session; Ben (another requester), an agent and an admin try to read it, continue it and replay its turn,
/// on the host that keeps its journals in memory and on a host started afresh on the same database (the stored path).
/// Anyone but Ann gets what an unknown session gets; an admin may read it, and only read it.
/// </summary>
public sealed class ChatSessionOwnerTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"chat-owners-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }

    private AgentHostFactory Host() => new()
    {
        DatabaseConnectionString = $"Data Source={_database}",
        ConfigureServices = s => s.AddSingleton(new AccountSettings { Mode = AuthMode.Required }),
    };

    private static readonly string[] Others = ["ben", "agent", "admin"];

    /// <summary>Ann the requester and the three others, signed in on <paramref name="host"/>; made once per database.</summary>
    private static async Task<Dictionary<string, HttpClient>> PeopleAsync(AgentHostFactory host, bool create)
    {
        var people = new Dictionary<string, HttpClient>();
        foreach (var (name, role) in new[] { ("ann", "requester"), ("ben", "requester"), ("agent", "agent"), ("admin", "admin") })
        {
            var email = $"{name}@example.com";
            if (create)
            {
                await TestAccounts.CreateUserAsync(host.Services, email, role);
            }
            var client = host.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestAccounts.LoginAsync(client, email));
            people[name] = client;
        }
        return people;
    }

    private static async Task<string> OpenSessionAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/chat", new { message = "Create a ticket about my laptop not starting" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (frames, _) = await SseReader.ReadAllAsync(response);
        Assert.Equal("end", frames[^1].Event);
        return frames[^1].Data.GetProperty("session_id").GetString()!;
    }

    private static async Task<(HttpStatusCode Status, string? Detail)> ContinueAsync(HttpClient client, string session)
    {
        using var response = await client.PostAsJsonAsync("/chat", new { message = "what's open?", session_id = session });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
        var (frames, _) = await SseReader.ReadAllAsync(response);
        Assert.Equal("end", frames[^1].Event);
        return (response.StatusCode, null);
    }

    private static async Task<(HttpStatusCode Status, string? Detail)> ReadAsync(HttpClient client, string session)
    {
        using var response = await client.GetAsync(new Uri($"/chat/sessions/{session}", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, response.IsSuccessStatusCode ? body.GetProperty("id").GetString() : body.GetProperty("detail").GetString());
    }

    private static async Task<(HttpStatusCode Status, int Frames)> ReplayAsync(HttpClient client, string session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/chat") { Content = JsonContent.Create(new { message = "x" }) };
        request.Headers.Add("Last-Event-ID", $"{session}:1:0");
        using var response = await client.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK
            ? (response.StatusCode, (await SseReader.ReadAllAsync(response)).Frames.Count)
            : (response.StatusCode, 0);
    }

    private static async Task<string> UnknownSessionDetailAsync(HttpClient client)
    {
        var (_, detail) = await ReadAsync(client, "nosuchsession");
        return detail!.Replace("nosuchsession", "{id}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_owner_and_admins_read_a_session_and_anyone_else_gets_the_404_of_an_unknown_one()
    {
        await using var host = Host();
        var people = await PeopleAsync(host, create: true);
        var session = await OpenSessionAsync(people["ann"]);
        var unknown = (await UnknownSessionDetailAsync(people["ben"])).Replace("{id}", session, StringComparison.Ordinal);

        Assert.Equal((HttpStatusCode.OK, session), await ReadAsync(people["ann"], session));
        Assert.Equal((HttpStatusCode.OK, session), await ReadAsync(people["admin"], session));
        Assert.Equal((HttpStatusCode.NotFound, unknown), await ReadAsync(people["ben"], session));
        Assert.Equal((HttpStatusCode.NotFound, unknown), await ReadAsync(people["agent"], session));
    }

    [Fact]
    public async Task Only_the_owner_continues_a_session_and_anyone_else_gets_a_404_that_changes_nothing()
    {
        await using var host = Host();
        var people = await PeopleAsync(host, create: true);
        var session = await OpenSessionAsync(people["ann"]);
        var unknown = (await UnknownSessionDetailAsync(people["ben"])).Replace("{id}", session, StringComparison.Ordinal);

        foreach (var other in Others)
        {
            Assert.Equal((HttpStatusCode.NotFound, unknown), await ContinueAsync(people[other], session));
        }

        var transcript = await people["ann"].GetFromJsonAsync<JsonElement>($"/chat/sessions/{session}");
        Assert.Equal(2, transcript.GetProperty("turns").GetArrayLength());
        Assert.Equal((HttpStatusCode.OK, null), await ContinueAsync(people["ann"], session));
    }

    [Fact]
    public async Task Only_the_owner_replays_a_turn_with_last_event_id_and_anyone_else_gets_the_204_of_an_unknown_turn()
    {
        await using var host = Host();
        var people = await PeopleAsync(host, create: true);
        var session = await OpenSessionAsync(people["ann"]);

        var (ownerStatus, ownerFrames) = await ReplayAsync(people["ann"], session);

        Assert.Equal(HttpStatusCode.OK, ownerStatus);
        Assert.True(ownerFrames > 1, "the owner gets the turn's frames again");
        foreach (var other in Others)
        {
            Assert.Equal((HttpStatusCode.NoContent, 0), await ReplayAsync(people[other], session));
        }
    }

    [Fact]
    public async Task Another_persons_idempotency_key_never_replays_the_owners_turn()
    {
        await using var host = Host();
        var people = await PeopleAsync(host, create: true);

        async Task<string> SessionOfAsync(HttpClient client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/chat") { Content = JsonContent.Create(new { message = "what's open?" }) };
            request.Headers.Add("Idempotency-Key", "same-key");
            using var response = await client.SendAsync(request);
            var (frames, _) = await SseReader.ReadAllAsync(response);
            return frames[^1].Data.GetProperty("session_id").GetString()!;
        }

        var anns = await SessionOfAsync(people["ann"]);
        var bens = await SessionOfAsync(people["ben"]);

        Assert.NotEqual(anns, bens);
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(people["ben"], bens)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(people["ben"], anns)).Status);
    }

    [Fact]
    public async Task After_a_restart_the_stored_session_is_still_only_its_owners_to_continue_and_read()
    {
        string session;
        await using (var before = Host())
        {
            session = await OpenSessionAsync((await PeopleAsync(before, create: true))["ann"]);
        }

        await using var after = Host(); // nothing of the first host's memory: the owner comes from the database
        var people = await PeopleAsync(after, create: false);

        foreach (var other in Others)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ContinueAsync(people[other], session)).Status);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(people["ben"], session)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(people["agent"], session)).Status);
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(people["admin"], session)).Status);
        Assert.Equal((HttpStatusCode.OK, null), await ContinueAsync(people["ann"], session));
        var transcript = await people["ann"].GetFromJsonAsync<JsonElement>($"/chat/sessions/{session}");
        Assert.Equal(4, transcript.GetProperty("turns").GetArrayLength());
    }

    [Fact]
    public async Task In_local_mode_a_session_opened_without_credentials_is_the_local_admins_and_a_signed_in_requester_cannot_read_it()
    {
        await using var host = new AgentHostFactory();
        using var local = host.CreateClient();
        var session = await OpenSessionAsync(local);
        using var requester = await TestAccounts.SignInAsync(host, "ann@example.com", "requester");

        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(local, session)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(requester, session)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ContinueAsync(requester, session)).Status);
    }
}
