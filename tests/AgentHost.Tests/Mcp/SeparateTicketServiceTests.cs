using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using TicketApi;

namespace AgentHost.Tests.Mcp;

/// <summary>stdio mode with <c>TICKET_API_URL</c>: the tools talk HTTP to a separate ticket service.</summary>
public sealed class SeparateTicketServiceTests
{
    [Fact]
    public async Task With_TICKET_API_URL_stdio_mode_uses_that_service_and_hosts_none_of_its_own()
    {
        var database = Path.Combine(Path.GetTempPath(), $"mcp-separate-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Tickets"] = $"Data Source={database}" });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddTicketApi(builder.Configuration);
        await using var ticketService = builder.Build();
        ticketService.MapTicketApi();
        await ticketService.StartAsync();
        var baseAddress = ticketService.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        using (var process = new AgentHostProcess())
        {
            var stderr = new List<string>();
            await using (var client = await McpClient.CreateAsync(process.ClientTransport(stderr, new Dictionary<string, string?> { ["TICKET_API_URL"] = baseAddress }), HttpConnect.ClientOptions(null)))
            {
                var created = await client.CallToolAsync("create_ticket", new Dictionary<string, object?> { ["title"] = "Made over stdio, stored elsewhere" });
                Assert.NotEqual(true, created.IsError);
            }

            Assert.False(File.Exists(process.DatabasePath), "with TICKET_API_URL the stdio process must not open a database of its own");
        }

        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
        var page = await http.GetFromJsonAsync<JsonElement>("/api/tickets/?search=stdio");
        Assert.Equal(1, page.GetProperty("count").GetInt32());
        Assert.Equal("Made over stdio, stored elsewhere", page.GetProperty("results")[0].GetProperty("title").GetString());

        await ticketService.StopAsync();
        File.Delete(database);
    }
}
