using System.Net.Http.Json;
using System.Text;
using AgentTickets.Testing;
using Microsoft.Extensions.Logging;
using TicketApi.Http;
using TicketApi.Tests.Infrastructure;
using static AgentTickets.Testing.RefusalChecks;

namespace TicketApi.Tests.Http;

/// <summary>Kestrel's refusals on real sockets: 413 for an oversized body, 408 for a trickled one, never 500.</summary>
public sealed class RequestLimitTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly KestrelOnFreePort<Program> _api = new(new TicketApiFactory(SqliteStore.Instance));

    public void Dispose() => _api.Dispose();

    [Theory]
    [InlineData("POST", "/api/tickets/")]
    [InlineData("PUT", "/api/tickets/1/")]
    [InlineData("PATCH", "/api/tickets/1/")]
    public async Task A_chunked_body_over_the_ticket_limit_gets_413_problem_details(string method, string path)
    {
        await CreateTicketAsync();
        var body = Encoding.UTF8.GetBytes($$"""{"title":"{{new string('a', TicketBodyReader.MaxBodyBytes)}}"}""");

        var response = await RawHttp.SendAsync(_api.Address, method, path,
            ["Content-Type: application/json", "Transfer-Encoding: chunked"], Chunked(body), Deadline);

        AssertProblem(response, 413);
        Assert.Contains($"{TicketBodyReader.MaxBodyBytes} bytes", response.Body, StringComparison.Ordinal);
        AssertNothingLoggedAsAnError(_api.Logs);
    }

    [Fact]
    public async Task A_body_announced_over_the_limit_gets_413_before_it_is_sent()
    {
        var response = await RawHttp.SendAsync(_api.Address, "POST", "/api/tickets/",
            ["Content-Type: application/json", $"Content-Length: {TicketBodyReader.MaxBodyBytes + 1}"], "{\"title\":"u8.ToArray(), Deadline);

        AssertProblem(response, 413);
        AssertNothingLoggedAsAnError(_api.Logs);
    }

    [Fact]
    public async Task A_ticket_at_the_largest_valid_size_fully_escaped_fits_under_the_limit()
    {
        // Every character as an escaped surrogate pair: the worst case the limit is sized for.
        var emoji = string.Concat(Enumerable.Repeat(@"\ud83d\ude00", TicketBodyReader.MaxDescriptionLength));
        var title = string.Concat(Enumerable.Repeat(@"\ud83d\ude00", TicketBodyReader.MaxTitleLength));
        var body = Encoding.UTF8.GetBytes($$"""{"title":"{{title}}","description":"{{emoji}}"}""");
        Assert.True(body.Length <= TicketBodyReader.MaxBodyBytes, $"{body.Length} bytes");

        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await _api.Client.PostAsync(new Uri("/api/tickets/", UriKind.Relative), content);

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/tickets/")]
    [InlineData("PATCH", "/api/tickets/1/")]
    public async Task A_trickled_body_gets_408_problem_details_within_seconds_and_no_stack_trace(string method, string path)
    {
        await CreateTicketAsync();

        var response = await RawHttp.TrickleAsync(_api.Address, method, path, ["Content-Type: application/json"], 1000, Deadline);

        AssertProblem(response, 408);
        Assert.True(response.Elapsed < TimeSpan.FromSeconds(15), $"answered after {response.Elapsed}");
        AssertNothingLoggedAsAnError(_api.Logs);
        Assert.Contains(_api.Logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("408", StringComparison.Ordinal));
    }

    private async Task CreateTicketAsync()
    {
        using var response = await _api.Client.PostAsJsonAsync(new Uri("/api/tickets/", UriKind.Relative), new { title = "Limits" });
        response.EnsureSuccessStatusCode();
    }

    private static byte[] Chunked(byte[] body)
    {
        using var chunked = new MemoryStream();
        foreach (var part in body.Chunk(16 * 1024))
        {
            chunked.Write(Encoding.ASCII.GetBytes($"{part.Length:x}\r\n"));
            chunked.Write(part);
            chunked.Write("\r\n"u8);
        }
        chunked.Write("0\r\n\r\n"u8);
        return chunked.ToArray();
    }
}
