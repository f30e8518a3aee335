using System.Net;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

/// <summary>Cross-origin pages: only configured (and loopback) origins get CORS answers from the REST API.</summary>
public sealed class CorsTests
{
    private static HttpRequestMessage Preflight(string origin, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/tickets/");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }

    [Fact]
    public async Task A_preflight_from_a_configured_origin_is_allowed_and_one_from_another_origin_is_not()
    {
        await using var factory = new TicketApiFactory(SqliteStore.Instance);
        using var client = factory.WithWebHostBuilder(b => b.UseSetting("CORS_ALLOWED_ORIGINS", "https://desk.example.com")).CreateClient();

        using var allowed = await client.SendAsync(Preflight("https://desk.example.com", "POST"));
        using var refused = await client.SendAsync(Preflight("https://evil.example", "POST"));

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("https://desk.example.com", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Responses_to_a_configured_origin_expose_location_and_etag()
    {
        await using var factory = new TicketApiFactory(SqliteStore.Instance);
        using var client = factory.WithWebHostBuilder(b => b.UseSetting("CORS_ALLOWED_ORIGINS", "https://desk.example.com")).CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tickets/");
        request.Headers.Add("Origin", "https://desk.example.com");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://desk.example.com", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("desk.example.com")]
    [InlineData("https://desk.example.com/app")]
    [InlineData("ftp://desk.example.com")]
    public async Task A_malformed_allowed_origin_stops_the_service_at_start_naming_it(string origin)
    {
        await using var factory = new TicketApiFactory(SqliteStore.Instance);

        var error = Assert.Throws<InvalidOperationException>(() =>
            factory.WithWebHostBuilder(b => b.UseSetting("CORS_ALLOWED_ORIGINS", origin)).CreateClient().Dispose());

        Assert.Contains(origin, error.Message, StringComparison.Ordinal);
    }
}
