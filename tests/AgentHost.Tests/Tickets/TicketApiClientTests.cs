using System.Diagnostics;
using System.Net;
using AgentHost.Tests.Support;
using AgentHost.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace AgentHost.Tests.Tickets;

public class TicketApiClientTests
{
    private const string Ticket5 =
        """{"id":5,"title":"Printer jams","description":"Floor 3","created":"2025-01-08T14:15:22.123456Z","updated":"2025-01-08T14:15:22.123456Z","resolution_status":"OPEN"}""";

    private static HttpResponseMessage Ok(string json = Ticket5) => StubHttpHandler.Json(HttpStatusCode.OK, json);

    [Fact]
    public async Task A_503_then_success_is_retried_and_succeeds()
    {
        var handler = new StubHttpHandler((_, n) => n < 3 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : Ok());
        await using var services = TicketClientHarness.Build(handler);

        var result = await services.GetRequiredService<TicketApiClient>().GetAsync(5, default);

        Assert.True(result.IsSuccess);
        Assert.Equal("Printer jams", result.Value!.Title);
        Assert.Equal(3, handler.Count);
        Assert.All(handler.Requests, r => Assert.Equal("/api/tickets/5/", r.PathAndQuery));
    }

    [Fact]
    public async Task It_gives_up_after_five_tries_with_a_readable_problem()
    {
        var handler = new StubHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.BadGateway));
        await using var services = TicketClientHarness.Build(handler);

        var result = await services.GetRequiredService<TicketApiClient>().GetAsync(5, default);

        Assert.False(result.IsSuccess);
        Assert.Equal(5, handler.Count);
        Assert.Equal(502, result.Problem!.Status);
    }

    [Fact]
    public async Task Network_errors_are_retried_and_an_unreachable_service_is_reported_not_thrown()
    {
        var handler = new StubHttpHandler((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused"));
        await using var services = TicketClientHarness.Build(handler);

        var result = await services.GetRequiredService<TicketApiClient>().ListAsync(new TicketApi.Querying.TicketQuery(), default);

        Assert.Equal(5, handler.Count);
        Assert.Equal(503, result.Problem!.Status);
        Assert.Contains("could not be reached after up to 5 tries", result.Problem.Message);
    }

    [Fact]
    public async Task Retry_after_is_honoured_before_the_next_try()
    {
        var handler = new StubHttpHandler((_, n) =>
        {
            if (n > 1)
            {
                return Ok();
            }

            var busy = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            return busy;
        });
        await using var services = TicketClientHarness.Build(handler, o => o.MaxDelay = TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();

        var result = await services.GetRequiredService<TicketApiClient>().GetAsync(5, default);

        Assert.True(result.IsSuccess);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_create_is_not_repeated_after_a_500_because_the_service_may_have_acted()
    {
        var handler = new StubHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        await using var services = TicketClientHarness.Build(handler);

        var result = await services.GetRequiredService<TicketApiClient>().CreateAsync("t", "d", default);

        Assert.False(result.IsSuccess);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_create_is_repeated_after_a_refused_connection_or_a_503()
    {
        var handler = new StubHttpHandler((_, n) => n switch
        {
            1 => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused"),
            2 => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            _ => StubHttpHandler.Json(HttpStatusCode.Created, Ticket5),
        });
        await using var services = TicketClientHarness.Build(handler);

        var result = await services.GetRequiredService<TicketApiClient>().CreateAsync("Printer jams", "Floor 3", default);

        Assert.True(result.IsSuccess);
        Assert.Equal(3, handler.Count);
        Assert.All(handler.Requests, r => Assert.Equal("""{"title":"Printer jams","description":"Floor 3"}""", r.Body));
    }

    [Fact]
    public async Task Resolve_of_a_closed_ticket_comes_back_as_a_readable_409()
    {
        var handler = new StubHttpHandler((_, _) => StubHttpHandler.Problem(HttpStatusCode.Conflict,
            """{"title":"Conflict","status":409,"detail":"Ticket 5 cannot move from CLOSED to RESOLVED.","allowed_transitions":[]}"""));
        await using var services = TicketClientHarness.Build(handler);

        var result = await TicketClientHarness.CallToolAsync(services, "set_ticket_status", """{"id": 5, "status": "RESOLVED"}""");

        Assert.False(result.Ok);
        Assert.Equal("Ticket 5 cannot move from CLOSED to RESOLVED. Allowed transitions: none (the status is final).", result.Summary);
        Assert.Empty(result.AllowedTransitions!);
        Assert.Equal(1, handler.Count);
        Assert.Equal("""{"resolution_status":"RESOLVED"}""", handler.Requests[0].Body);
        Assert.Equal(HttpMethod.Patch, handler.Requests[0].Method);
    }

    [Fact]
    public async Task A_missing_ticket_comes_back_as_a_readable_404_without_retries()
    {
        var handler = new StubHttpHandler((_, _) => StubHttpHandler.Problem(HttpStatusCode.NotFound,
            """{"title":"Not Found","status":404,"detail":"Ticket with id '123' was not found."}"""));
        await using var services = TicketClientHarness.Build(handler);

        var result = await TicketClientHarness.CallToolAsync(services, "get_ticket", """{"id": 123}""");

        Assert.False(result.Ok);
        Assert.Equal("Ticket with id '123' was not found.", result.Summary);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task Validation_errors_name_the_field_and_the_rule()
    {
        var handler = new StubHttpHandler((_, _) => StubHttpHandler.Problem(HttpStatusCode.UnprocessableEntity,
            """{"title":"Validation failed","status":422,"errors":{"resolution_status":["Invalid status 'DONE'. Allowed values are: OPEN, RESOLVED, CLOSED."]}}"""));
        await using var services = TicketClientHarness.Build(handler);

        var result = await services.GetRequiredService<TicketApiClient>().UpdateAsync(5, "x", null, default);

        Assert.Equal("Validation failed. resolution_status: Invalid status 'DONE'. Allowed values are: OPEN, RESOLVED, CLOSED.", result.Problem!.Message);
    }

    [Fact]
    public async Task List_filters_become_the_rest_query_parameters()
    {
        var handler = new StubHttpHandler((_, _) => Ok("""{"count":0,"next":null,"previous":null,"results":[]}"""));
        await using var services = TicketClientHarness.Build(handler);

        var result = await TicketClientHarness.CallToolAsync(services, "list_tickets",
            """{"resolution_status": "OPEN", "search": "vpn drops", "created__gte": "2025-01-01", "page_size": 5, "ordering": "-updated"}""");

        Assert.True(result.Ok);
        Assert.Equal("No tickets match.", result.Summary);
        // The REST parser completed the ordering with its tie-breaker; the writer sends what it parsed.
        Assert.Equal("/api/tickets/?page_size=5&ordering=-updated%2C-id&search=vpn%20drops&created__gte=2025-01-01T00%3A00%3A00.000000Z&resolution_status=OPEN",
            handler.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task A_malformed_date_filter_is_refused_before_any_call()
    {
        var handler = new StubHttpHandler((_, _) => Ok());
        await using var services = TicketClientHarness.Build(handler);

        var result = await TicketClientHarness.CallToolAsync(services, "list_tickets", """{"created__gte": "last tuesday-ish"}""");

        Assert.False(result.Ok);
        Assert.Contains("created__gte", result.Summary);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task Delete_sends_the_etag_it_checked_the_title_against_so_a_concurrent_edit_wins()
    {
        string? ifMatch = null;
        var handler = new StubHttpHandler((request, _) =>
        {
            if (request.Method == HttpMethod.Get)
            {
                var ok = Ok();
                ok.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"3\"");
                return ok;
            }

            ifMatch = request.Headers.IfMatch.ToString();
            return StubHttpHandler.Problem(HttpStatusCode.PreconditionFailed,
                """{"status":412,"detail":"Ticket 5 has changed since you read it (its ETag is now \"4\"). Fetch it again and retry."}""");
        });
        await using var services = TicketClientHarness.Build(handler);

        var result = await TicketClientHarness.CallToolAsync(services, "delete_ticket", """{"id": 5, "confirm_title": "Printer jams"}""");

        Assert.Equal("\"3\"", ifMatch);
        Assert.False(result.Ok);
        Assert.Contains("has changed since you read it", result.Summary);
    }
}
