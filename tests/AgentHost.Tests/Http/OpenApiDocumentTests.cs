using System.Text.Json.Nodes;
using AgentHost.Tests.Support;
using AgentTickets.Testing;

namespace AgentHost.Tests.Http;

/// <summary>
/// The agent host serves the same truthful OpenAPI document as TicketApi, plus its own /health and /chat:
/// real responses checked against it, and Redocly's linter finds no errors (docs/rest-api.md).
/// </summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Every_ticket_chat_and_health_response_matches_the_agent_hosts_openapi_document()
    {
        await using var factory = new AgentHostFactory();
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var conformance = new OpenApiConformance(document);
        using var client = new HttpClient(conformance.Recorder(factory.Server.CreateHandler())) { BaseAddress = factory.Server.BaseAddress };

        await TicketApiScenario.RunAsync(client);
        await ChatScenario.RunAsync(client);

        Assert.True(conformance.Problems.Count == 0, string.Join("\n", conformance.Problems));
        var missed = conformance.Documented().Except(conformance.Covered)
            // A busy session needs a turn still running: ChatEndpointTests.A_second_message_on_a_busy_session_is_a_409_problem_instead_of_interleaving.
            .Where(answer => !answer.EndsWith(" /chat 409", StringComparison.Ordinal))
            // Someone else's session needs two people: ChatSessionOwnerTests.Only_the_owner_continues_a_session_and_anyone_else_gets_a_404_that_changes_nothing.
            .Where(answer => !answer.EndsWith(" /chat 404", StringComparison.Ordinal))
            .Where(answer => !TicketApiScenario.IsUnreachable(answer));
        Assert.Empty(missed);
    }

    [Fact]
    public async Task The_document_lists_health_both_chat_operations_and_reading_a_chat_session()
    {
        await using var factory = new AgentHostFactory();

        var paths = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!["paths"]!.AsObject();

        Assert.NotNull(paths["/health"]?["get"]);
        Assert.NotNull(paths["/chat"]?["get"]);
        Assert.NotNull(paths["/chat"]?["post"]);
        Assert.Null(paths["/chat"]?["head"]);
        Assert.NotNull(paths["/chat/sessions/{id}"]?["get"]);
    }

    [Fact]
    public async Task The_served_document_passes_redocly_lint_with_no_errors()
    {
        await using var factory = new AgentHostFactory();
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");

        OpenApiLinter.AssertClean(await OpenApiLinter.LintAsync(document));
    }
}
