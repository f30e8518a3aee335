using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

public sealed class DocumentationAndHealthTests : TicketApiTest
{
    [Fact]
    public async Task Health_reports_ok_and_the_database_check_in_the_agent_hosts_json_shape()
    {
        var response = await Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("ok", (string?)health["status"]);
        Assert.Equal("ok", (string?)health["checks"]!["database"]);
        Assert.Empty(health["host"]!.AsObject());
    }

    [Fact]
    public async Task Health_answers_503_with_the_failing_check_named_when_a_check_fails()
    {
        using var broken = Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddHealthChecks().AddCheck("disk", () => HealthCheckResult.Unhealthy("Disk full."))));

        var response = await broken.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("unhealthy", (string?)health["status"]);
        Assert.Equal("unhealthy", (string?)health["checks"]!["disk"]);
        Assert.Equal("ok", (string?)health["checks"]!["database"]);
    }

    [Fact]
    public async Task Openapi_document_describes_every_list_parameter_and_error_response()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();

        var list = paths["/api/tickets/"]?["get"] ?? paths["/api/tickets"]!["get"]!;
        var names = list["parameters"]!.AsArray().Select(p => (string)p!["name"]!).ToArray();
        Assert.Equal(Querying.TicketQueryParameters.All.Select(p => p.Name), names);
        Assert.All(list["parameters"]!.AsArray(), p => Assert.False(string.IsNullOrEmpty((string?)p!["description"])));
        Assert.True(list["responses"]!.AsObject().ContainsKey("400"));

        var item = paths.First(p => p.Key.Contains("{id}", StringComparison.Ordinal)).Value!;
        var patchResponses = item["patch"]!["responses"]!.AsObject().Select(r => r.Key).ToArray();
        Assert.Superset(new HashSet<string> { "200", "400", "404", "409", "412", "413", "415", "422" }, patchResponses.ToHashSet());
        Assert.True(item["put"]!["requestBody"] is not null);
        Assert.True(item["delete"]!["responses"]!.AsObject().ContainsKey("412"));
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var response = await Client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
