using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Tests.Infrastructure;
using TicketApi.Tickets;

namespace TicketApi.Tests.TriageFields;

/// <summary>
/// <see cref="TriageOnCreate"/>: bench/TriageCost's host without triage really stores untriaged tickets (so its
/// ratio compares what it says it does), and no configuration a deployment could set turns triage off.
/// </summary>
public sealed class TriageOnCreateTests
{
    private static readonly object Outage = new { title = "Ransomware on the file server", description = "Every share shows encrypted files and a ransom note." };

    [Fact]
    public async Task The_benchmarks_host_without_triage_stores_the_ticket_with_no_triaged_values()
    {
        using var factory = new TicketApiFactory(SqliteStore.Instance, services => services.AddSingleton(new TriageOnCreate(false)));
        using var client = factory.CreateClient();

        var ticket = await PostAsync(client);

        // The columns' defaults and no record, where triage says URGENT and SOFTWARE (the other test).
        Assert.Null(ticket["triage"]);
        Assert.Equal("NORMAL", (string)ticket["priority"]!);
        Assert.Equal("OTHER", (string)ticket["category"]!);
        Assert.Equal("NEUTRAL", (string)ticket["sentiment"]!);
        Assert.Equal("Ransomware on the file server", (string)ticket["title"]!);
    }

    [Theory]
    [InlineData("TriageOnCreate:Enabled")]
    [InlineData("TriageOnCreate")]
    [InlineData("TRIAGE_ON_CREATE")]
    public async Task No_configuration_key_turns_triage_on_create_off(string key)
    {
        using var factory = new TicketApiFactory(SqliteStore.Instance);
        using var configured = factory.WithWebHostBuilder(builder => builder.UseSetting(key, "false"));
        using var client = configured.CreateClient();

        var ticket = await PostAsync(client);

        Assert.Equal("URGENT", (string)ticket["priority"]!);
        Assert.Equal("SOFTWARE", (string)ticket["category"]!);
        Assert.Equal("rules", (string)ticket["triage"]!["priority"]!["source"]!);
    }

    // Not TicketApiTest's helpers: that base builds one host per test, and these tests need hosts built differently.
    private static async Task<JsonObject> PostAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/tickets/", Outage);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
