using AgentHost.Tickets;
using AgentHost.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentHost.Tests.Support;

/// <summary>The ticket client and tools wired as the host wires them, over a test handler instead of a network.</summary>
public static class TicketClientHarness
{
    public static ServiceProvider Build(HttpMessageHandler handler, Action<TicketServiceOptions>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["TICKET_API_URL"] = "http://tickets.test/" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTicketTools(configuration);
        services.UseTicketServiceHandler(_ => handler);
        services.Configure<TicketServiceOptions>(o =>
        {
            o.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.MaxDelay = TimeSpan.FromMilliseconds(20);
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    /// <summary>Calls a catalogue tool as a model does: JSON arguments in, <see cref="TicketToolResult"/> out.</summary>
    public static async Task<TicketToolResult> CallToolAsync(IServiceProvider services, string tool, string argumentsJson = "{}")
    {
        var arguments = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(argumentsJson)!;
        var catalogue = services.GetRequiredService<TicketToolCatalogue>();
        var result = await catalogue.Find(tool)!.Function.InvokeAsync(new Microsoft.Extensions.AI.AIFunctionArguments(arguments));
        return Assert.IsType<TicketToolResult>(result);
    }
}
