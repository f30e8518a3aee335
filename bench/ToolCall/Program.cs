using System.Diagnostics;
using System.Globalization;
using System.Net;
using AgentHost.Tools;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.AI;
using TicketApi;

// The same ticket service twice, on one SQLite file: over HTTP on a real loopback socket (how embedded mode
// reached it before the seam) and in-process (how it does now). Calls alternate in rounds so both see the
// same machine load; medians of every call are reported.
#pragma warning disable ASP0000 // a container per seam is the point: each is the host as configured for one mode
const int Rounds = 20;
const int CallsPerRound = 250;
var database = Path.Combine(Path.GetTempPath(), $"toolcall-bench-{Guid.NewGuid():N}.db");
var settings = new Dictionary<string, string?> { ["ConnectionStrings:Tickets"] = $"Data Source={database}" };

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.Configuration.AddInMemoryCollection(settings);
builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
builder.Services.AddTicketApi(builder.Configuration);
await using var service = builder.Build();
service.MapTicketApi();
await service.StartAsync();
var address = service.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

AIFunction GetTicket(Dictionary<string, string?> configuration)
{
    var services = new ServiceCollection().AddLogging();
    var config = new ConfigurationBuilder().AddInMemoryCollection(configuration).Build();
    services.AddTicketTools(config);
    return services.BuildServiceProvider().GetRequiredService<TicketToolCatalogue>().Find(TicketToolCatalogue.GetTicket)!.Function;
}

var overHttp = GetTicket(new(settings) { ["TICKET_API_URL"] = address });
var inProcess = GetTicket(settings);
var create = new ServiceCollection().AddLogging();
create.AddTicketTools(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
var catalogue = create.BuildServiceProvider().GetRequiredService<TicketToolCatalogue>();
var created = (TicketToolResult)(await catalogue.Find(TicketToolCatalogue.CreateTicket)!.Function.InvokeAsync(new(new Dictionary<string, object?> { ["title"] = "Bench ticket" })))!;
var id = ((TicketApi.Contracts.TicketDto)created.Data!).Id;
var arguments = new Dictionary<string, object?> { ["id"] = id };

async Task<double> TimeOneAsync(AIFunction function)
{
    var watch = Stopwatch.StartNew();
    var result = (TicketToolResult)(await function.InvokeAsync(new(arguments)))!;
    watch.Stop();
    if (!result.Ok)
    {
        throw new InvalidOperationException(result.Summary);
    }
    return watch.Elapsed.TotalMicroseconds;
}

for (var i = 0; i < 500; i++) // warm-up: JIT, pools, prepared statements
{
    await TimeOneAsync(overHttp);
    await TimeOneAsync(inProcess);
}

var http = new List<double>();
var local = new List<double>();
for (var round = 0; round < Rounds; round++)
{
    for (var i = 0; i < CallsPerRound; i++)
    {
        http.Add(await TimeOneAsync(overHttp));
        local.Add(await TimeOneAsync(inProcess));
    }
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
static double P99(List<double> values) => values.Order().ElementAt(values.Count * 99 / 100);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"get_ticket tool call, {http.Count} calls each: loopback HTTP median {Median(http):F0} us (p99 {P99(http):F0} us); " +
    $"in-process median {Median(local):F0} us (p99 {P99(local):F0} us); {Median(http) / Median(local):F1}x faster in-process"));
await service.StopAsync();
foreach (var suffix in new[] { "", "-wal", "-shm" })
{
    File.Delete(database + suffix);
}
