using System.Net.Http.Json;
using AgentHost.Tests.Support;

namespace AgentHost.Tests.Endpoints;

public class StartupConfigurationTests
{
    [Fact]
    public async Task An_azure_endpoint_without_a_deployment_stops_the_host_at_start_with_a_clear_message()
    {
        await using var factory = new AgentHostFactory { Environment = { ["AZURE_OPENAI_ENDPOINT"] = "https://res.openai.azure.com/" } };

        var error = Assert.ThrowsAny<Exception>(() => factory.Started());

        Assert.Contains("AZURE_OPENAI_CHAT_DEPLOYMENT", error.ToString());
    }

    [Fact]
    public async Task A_malformed_ticket_api_url_stops_the_host_at_start()
    {
        await using var factory = new AgentHostFactory { Environment = { ["TICKET_API_URL"] = "not a url" } };

        var error = Assert.ThrowsAny<Exception>(() => factory.Started());

        Assert.Contains("TICKET_API_URL 'not a url'", error.ToString());
    }

    [Fact]
    public async Task Openai_variables_select_the_openai_provider_and_health_says_so()
    {
        await using var factory = new AgentHostFactory
        {
            Environment = { ["OPENAI_BASE_URL"] = "http://127.0.0.1:9/v1", ["OPENAI_MODEL"] = "llama3.1" },
        };

        var health = await factory.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>("/health");

        Assert.Equal("openai", health.GetProperty("host").GetProperty("provider").GetString());
        Assert.Equal("llama3.1", health.GetProperty("host").GetProperty("model").GetString());
    }

    [Fact]
    public async Task With_ticket_api_url_the_host_does_not_embed_the_ticket_service()
    {
        await using var factory = new AgentHostFactory { Environment = { ["TICKET_API_URL"] = "http://127.0.0.1:9/" } };
        var client = factory.CreateClient();

        using var tickets = await client.GetAsync("/api/tickets/");
        var health = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/health");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, tickets.StatusCode);
        Assert.Equal("http://127.0.0.1:9/", health.GetProperty("host").GetProperty("ticket_service").GetString());
        Assert.Empty(health.GetProperty("checks").EnumerateObject());
    }
}
