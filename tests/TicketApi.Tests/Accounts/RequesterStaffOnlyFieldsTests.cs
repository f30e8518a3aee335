using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Accounts;

/// <summary>
/// docs/accounts.md, "Visibility": the desk's working on a ticket (the triage record and the sentiment triage read
/// from the requester's tone) is staff-only on every way a requester reads tickets, including filtering by it.
/// </summary>
public abstract class RequesterStaffOnlyFieldsTests(TicketStoreFixture store) : IDisposable
{
    private const string Angry = "This is useless and terrible, I am furious: the printer has failed again!";

    private readonly TicketApiFactory _factory = new(store, services => services.AddSingleton(new AccountSettings { Mode = AuthMode.Required }));

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task A_requester_is_shown_no_sentiment_or_triage_on_create_read_and_list_while_staff_still_are()
    {
        using var agent = await TestAccounts.SignInAsync(_factory, "sam@example.com", "agent");
        using var dana = await TestAccounts.SignInAsync(_factory, "dana@example.com", "requester");

        var created = await JsonAsync(await dana.PostAsJsonAsync("/api/tickets/", new { title = "Printer failed again", description = Angry }), HttpStatusCode.Created);
        var id = (long)created["id"]!;
        var read = await JsonAsync(await dana.GetAsync(Url($"/api/tickets/{id}/")), HttpStatusCode.OK);
        var listed = (await JsonAsync(await dana.GetAsync(Url("/api/tickets/")), HttpStatusCode.OK))["results"]![0]!.AsObject();
        var staff = await JsonAsync(await agent.GetAsync(Url($"/api/tickets/{id}/")), HttpStatusCode.OK);
        var staffListed = (await JsonAsync(await agent.GetAsync(Url("/api/tickets/")), HttpStatusCode.OK))["results"]![0]!.AsObject();

        foreach (var shown in new[] { created, read, listed })
        {
            Assert.True(shown.ContainsKey("sentiment"));
            Assert.Null(shown["sentiment"]);
            Assert.Null(shown["triage"]);
        }
        Assert.Equal("NEGATIVE", (string?)staff["sentiment"]);
        Assert.Equal("NEGATIVE", (string?)staffListed["sentiment"]);
        Assert.NotNull(staff["triage"]!["sentiment"]!["reason"]);
    }

    [Theory]
    [InlineData("sentiment", "NEGATIVE")]
    [InlineData("sentiment__in", "NEGATIVE,NEUTRAL")]
    public async Task A_requester_filtering_by_sentiment_gets_a_400_naming_the_filter_and_staff_do_not(string parameter, string value)
    {
        using var agent = await TestAccounts.SignInAsync(_factory, "sam@example.com", "agent");
        using var dana = await TestAccounts.SignInAsync(_factory, "dana@example.com", "requester");
        await JsonAsync(await dana.PostAsJsonAsync("/api/tickets/", new { title = "Printer failed again", description = Angry }), HttpStatusCode.Created);

        var refused = await JsonAsync(await dana.GetAsync(Url($"/api/tickets/?{parameter}={value}")), HttpStatusCode.BadRequest);
        var staff = await JsonAsync(await agent.GetAsync(Url($"/api/tickets/?{parameter}={value}")), HttpStatusCode.OK);

        Assert.Contains("not shown to requesters", (string)refused["errors"]![parameter]![0]!, StringComparison.Ordinal);
        Assert.Equal(1, (long)staff["count"]!);
    }
}

public sealed class RequesterStaffOnlyFieldsOnSqliteTests() : RequesterStaffOnlyFieldsTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class RequesterStaffOnlyFieldsOnPostgresTests(PostgresServer server) : RequesterStaffOnlyFieldsTests(server);
