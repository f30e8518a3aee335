using System.Net;
using System.Text.Json.Nodes;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

public abstract class DocumentationAndHealthTests(TicketStoreFixture store) : TicketApiTest(store)
{
    [Fact]
    public async Task Health_reports_healthy_when_the_database_answers()
    {
        var response = await Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
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

public sealed class DocumentationAndHealthOnSqliteTests() : DocumentationAndHealthTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class DocumentationAndHealthOnPostgresTests(PostgresServer server) : DocumentationAndHealthTests(server);
