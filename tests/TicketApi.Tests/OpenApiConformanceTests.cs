using System.Text.Json.Nodes;
using AgentTickets.Testing;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

/// <summary>
/// The OpenAPI document tells the truth: real responses to every operation, success and each error, are
/// checked against it (status documented, media type documented, body valid against the schema), and
/// every documented answer is provoked at least once, so neither side can drift (docs/rest-api.md).
/// </summary>
public abstract class OpenApiConformanceTests(TicketStoreFixture store) : TicketApiTest(store)
{
    [Fact]
    public async Task Every_response_of_every_operation_matches_the_openapi_document_and_every_documented_answer_occurs()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        var conformance = new OpenApiConformance(document);
        using var client = new HttpClient(conformance.Recorder(Factory.Server.CreateHandler())) { BaseAddress = Client.BaseAddress };

        await TicketApiScenario.RunAsync(client);

        Assert.True(conformance.Problems.Count == 0, string.Join("\n", conformance.Problems));
        var missed = conformance.Documented().Except(conformance.Covered)
            .Where(answer => !TicketApiScenario.IsUnreachable(answer));
        Assert.Empty(missed);
    }

    [Fact]
    public async Task The_conformance_check_catches_a_response_the_document_does_not_allow()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        // Tamper with the document, not the server: say titles are at most 3 characters and 404 is never sent.
        document["components"]!["schemas"]!["TicketDto"]!["properties"]!["title"]!["maxLength"] = 3;
        document["paths"]!["/api/tickets/{id}"]!["get"]!["responses"]!.AsObject().Remove("404");
        var conformance = new OpenApiConformance(document);
        using var client = new HttpClient(conformance.Recorder(Factory.Server.CreateHandler())) { BaseAddress = Client.BaseAddress };

        await TicketApiScenario.ExpectAsync(client, ConformanceRequests.Json(HttpMethod.Post, "/api/tickets/", """{"title":"Email outage"}"""), System.Net.HttpStatusCode.Created);
        await TicketApiScenario.ExpectAsync(client, ConformanceRequests.Bare(HttpMethod.Get, "/api/tickets/424242/"), System.Net.HttpStatusCode.NotFound);

        Assert.Contains(conformance.Problems, p => p.Contains("longer than 3", StringComparison.Ordinal));
        Assert.Contains(conformance.Problems, p => p.Contains("status 404 is not documented", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_served_document_passes_redocly_lint_with_no_errors()
    {
        var document = await Client.GetStringAsync("/openapi/v1.json");

        OpenApiLinter.AssertClean(await OpenApiLinter.LintAsync(document));
    }

    [Fact]
    public async Task The_lint_check_fails_on_a_document_with_an_error()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        document["servers"] = new JsonArray(new JsonObject { ["url"] = "http://127.0.0.1:8000/" });

        var result = await OpenApiLinter.LintAsync(document.ToJsonString());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no-server-trailing-slash", result.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// What Swagger UI's "Try it out" sends: each operation with its documented examples (path parameters,
    /// headers and body), creates first and deletes last (a ticket's draft before the ticket), as a reader trying
    /// them in turn would. Sending a draft consumes it, so the reader tries it after discarding one and drafts
    /// again first (with the draft's documented example), before the ticket itself is deleted.
    /// </summary>
    [Fact]
    public async Task Every_operation_succeeds_when_sent_with_its_documented_examples()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        var operations =
            from path in document["paths"]!.AsObject()
            from operation in path.Value!.AsObject()
            // Accounts and users need what no example can hold (a refresh token, a mail's code, a person's id made at
            // run time); AccountApiScenario tries each of them with real values instead.
            where !path.Key.StartsWith("/api/account", StringComparison.Ordinal) && !path.Key.StartsWith("/api/users", StringComparison.Ordinal)
            // The live events never end while the reader stays: EventStreamTests reads them frame by frame instead.
            && path.Key != "/api/events"
            orderby Stage(operation.Key, path.Key)
            select (Method: operation.Key, Template: path.Key, Operation: operation.Value!);
        var documented = operations.ToList();

        var tried = 0;
        foreach (var (method, template, operation) in documented)
        {
            if (method == "post" && template.EndsWith("/rating", StringComparison.Ordinal))
            {
                continue; // the requester rates, not the local admin "Try it out" acts as (403): RatingTests sends its example body
            }
            if (template.EndsWith("/draft/send", StringComparison.Ordinal))
            {
                var draft = documented.Single(o => o.Method == "post" && o.Template == template[..^"/send".Length]);
                using var again = await Client.PostAsync(draft.Template.Replace("{id}", "1", StringComparison.Ordinal),
                    new StringContent(draft.Operation["requestBody"]!["content"]!["application/json"]!["example"]!.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
                Assert.True(again.IsSuccessStatusCode, $"drafting again before {method} {template}: {(int)again.StatusCode}");
            }
            var url = template;
            var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                var example = parameter!["example"] ?? parameter["schema"]?["examples"]?[0];
                switch ((string?)parameter["in"])
                {
                    case "path":
                        Assert.True(example is not null, $"{method} {template}: path parameter {parameter["name"]} has no example");
                        url = url.Replace($"{{{parameter["name"]}}}", example!.ToString(), StringComparison.Ordinal);
                        break;
                    case "header" when example is not null:
                        request.Headers.TryAddWithoutValidation((string)parameter["name"]!, example.ToString());
                        break;
                }
            }
            request.RequestUri = new Uri(url, UriKind.Relative);
            if (operation["requestBody"]?["content"]?["application/json"] is { } media)
            {
                Assert.True(media["example"] is not null, $"{method} {template}: the request body has no example");
                request.Content = new StringContent(media["example"]!.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            }

            using (request)
            {
                using var response = await Client.SendAsync(request);
                Assert.True(response.IsSuccessStatusCode, $"{method} {url} with its examples: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            tried++;
        }
        Assert.Equal(32, tried); // 16 + GET /api/outbox/ + the six draft operations + a ticket's history and the audit log + assigning and the rating summary + issuing, listing and revoking an API key + analytics and its rebuild
    }

    /// <summary>Creates, then reads and edits, then a draft's discard, then its approval, then the deletes of whole resources.</summary>
    private static int Stage(string method, string template) => (method, template.Trim('/').Split('/').Length) switch
    {
        ("post", _) when template.EndsWith("/send", StringComparison.Ordinal) => 3,
        ("post", _) => 0,
        ("delete", > 3) => 2,
        ("delete", _) => 4,
        _ => 1,
    };
}

public sealed class OpenApiConformanceOnSqliteTests() : OpenApiConformanceTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class OpenApiConformanceOnPostgresTests(PostgresServer server) : OpenApiConformanceTests(server);
