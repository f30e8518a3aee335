using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

/// <summary>A ticket's <c>channel</c> (docs/rest-api.md): where it was filed, set once, on both stores.</summary>
public abstract class TicketChannelTests(TicketStoreFixture store)
{
    private static async Task<JsonNode> CreateAsync(HttpClient client, string? channelHeader = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets/") { Content = JsonContent.Create(new { title = "Printer jam" }) };
        if (channelHeader is not null)
        {
            request.Headers.Add("X-AgentTickets-Channel", channelHeader);
        }
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task A_ticket_filed_over_rest_says_rest_and_keeps_it_when_read_back_and_listed()
    {
        using var factory = new TicketApiFactory(store);
        using var client = factory.CreateClient();

        var created = await CreateAsync(client);

        Assert.Equal("rest", (string)created["channel"]!);
        var read = JsonNode.Parse(await client.GetStringAsync($"/api/tickets/{(long)created["id"]!}/"))!;
        Assert.Equal("rest", (string)read["channel"]!);
        var listed = JsonNode.Parse(await client.GetStringAsync("/api/tickets/"))!["results"]!.AsArray();
        Assert.Equal("rest", (string)listed.Single()!["channel"]!);
    }

    [Fact]
    public async Task A_ticket_filed_by_the_web_desks_scripts_says_web_and_an_unknown_header_value_changes_nothing()
    {
        using var factory = new TicketApiFactory(store);
        using var client = factory.CreateClient();

        Assert.Equal("web", (string)(await CreateAsync(client, "web"))["channel"]!);
        Assert.Equal("rest", (string)(await CreateAsync(client, "email"))["channel"]!);
    }

    [Fact]
    public async Task A_message_posted_by_the_web_desks_scripts_says_web_and_one_posted_over_rest_says_rest()
    {
        using var factory = new TicketApiFactory(store);
        using var client = factory.CreateClient();
        var id = (long)(await CreateAsync(client))["id"]!;

        using var web = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{id}/messages/") { Content = JsonContent.Create(new { kind = "note", body = "From the desk." }) };
        web.Headers.Add("X-AgentTickets-Channel", "web");
        using var fromWeb = await client.SendAsync(web);
        using var fromRest = await client.PostAsJsonAsync($"/api/tickets/{id}/messages/", new { kind = "note", body = "From a script." });

        Assert.Equal("web", (string)JsonNode.Parse(await fromWeb.Content.ReadAsStringAsync())!["channel"]!);
        Assert.Equal("rest", (string)JsonNode.Parse(await fromRest.Content.ReadAsStringAsync())!["channel"]!);
    }

    [Fact]
    public async Task A_channel_sent_in_a_body_is_ignored_like_every_read_only_field()
    {
        using var factory = new TicketApiFactory(store);
        using var client = factory.CreateClient();
        var created = await CreateAsync(client);
        var id = (long)created["id"]!;

        using var put = await client.PutAsJsonAsync($"/api/tickets/{id}/",
            new { title = "Printer jam", description = "", resolution_status = "OPEN", channel = "email" });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("rest", (string)JsonNode.Parse(await put.Content.ReadAsStringAsync())!["channel"]!);
    }
}

public sealed class TicketChannelOnSqliteTests() : TicketChannelTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class TicketChannelOnPostgresTests(PostgresServer server) : TicketChannelTests(server);
