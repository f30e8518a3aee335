using System.Net.Http.Json;
using AgentTickets.Testing;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Http;

/// <summary>HEAD wherever GET works, on real Kestrel (TestServer would hand HEAD a body).</summary>
public sealed class HeadTests : IDisposable
{
    private readonly KestrelOnFreePort<Program> _api = new(new TicketApiFactory(SqliteStore.Instance));

    public void Dispose() => _api.Dispose();

    [Theory]
    [InlineData("/api/tickets/")]
    [InlineData("/api/tickets")]
    [InlineData("/api/tickets/?resolution_status=OPEN&page_size=1")]
    [InlineData("/api/tickets/1/")]
    [InlineData("/api/tickets/1")]
    [InlineData("/api/tickets/1/messages/")]
    [InlineData("/api/tickets/1/messages?page_size=5")]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    public async Task Head_answers_with_the_status_and_headers_of_get_and_no_body(string path)
    {
        await CreateTicketAsync();

        var head = await HeadChecks.AssertHeadMatchesGetAsync(_api.Address, path);

        Assert.Equal(200, head.Status);
        Assert.StartsWith("application/json", head.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_of_a_ticket_carries_its_etag_and_honours_if_none_match()
    {
        await CreateTicketAsync();

        var head = await HeadChecks.AssertHeadMatchesGetAsync(_api.Address, "/api/tickets/1/");
        var etag = head.Header("ETag");
        Assert.Equal("\"1\"", etag);

        var notModified = await HeadChecks.AssertHeadMatchesGetAsync(_api.Address, "/api/tickets/1/", $"If-None-Match: {etag}");
        Assert.Equal(304, notModified.Status);
    }

    [Theory]
    [InlineData("/api/tickets/999/", 404)]
    [InlineData("/api/tickets/?colour=red", 400)]
    [InlineData("/api/tickets/999/messages/", 404)]
    [InlineData("/api/tickets/1/messages/?page=0", 400)]
    public async Task Head_of_an_error_sends_the_problem_status_and_content_type_without_the_problem(string path, int status)
    {
        var head = await HeadChecks.AssertHeadMatchesGetAsync(_api.Address, path);

        Assert.Equal(status, head.Status);
        Assert.StartsWith("application/problem+json", head.Header("Content-Type"), StringComparison.Ordinal);
    }

    private async Task CreateTicketAsync()
    {
        using var response = await _api.Client.PostAsJsonAsync(new Uri("/api/tickets/", UriKind.Relative), new { title = "Head" });
        response.EnsureSuccessStatusCode();
    }
}
