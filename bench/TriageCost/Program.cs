using System.Diagnostics;
using System.Globalization;
using TicketApi;
using TicketApi.Data;
using TicketApi.Tickets;
using TicketApi.Triage;

// Same store, same tickets, same write gate: the create path once as TicketStore runs it (triage, then the
// insert) and once with the triage call left out (the record of a fixed outcome applied instead), so the
// ratio is what triage adds to a create and nothing else. SQLite file in a temporary folder.
const int Creates = 500;
const int Rounds = 12;
var folder = Path.Combine(Path.GetTempPath(), "triage-cost-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Configuration["ConnectionStrings:Tickets"] = $"Data Source={Path.Combine(folder, "tickets.db")}";
builder.Services.AddTicketApi(builder.Configuration);
await using var app = builder.Build();
await app.StartAsync();

var examples = TriageTrainingSet.LoadEmbedded();
var triager = app.Services.GetRequiredService<OfflineTriager>();
foreach (var example in examples)
{
    triager.Triage(example.Input); // warm-up: JIT and caches
}

// Triage alone, per ticket, over the labelled tickets' real texts.
var watch = Stopwatch.StartNew();
var rounds = 0;
while (watch.Elapsed < TimeSpan.FromSeconds(3))
{
    foreach (var example in examples)
    {
        triager.Triage(example.Input);
    }
    rounds++;
}
var triageMicros = watch.Elapsed.TotalMicroseconds / (rounds * examples.Count);

async Task<double> CreatesPerSecondAsync(bool withTriage)
{
    var fixedRecord = TicketTriaging.Run(triager, new TicketEntity { Title = "x" }, kept: null, DateTime.UtcNow);
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < Creates; i++)
    {
        var example = examples[i % examples.Count];
        await using var scope = app.Services.CreateAsyncScope();
        if (withTriage)
        {
            await scope.ServiceProvider.GetRequiredService<TicketStore>()
                .CreateAsync(new TicketChanges(example.Title, example.Description, null), CancellationToken.None);
        }
        else
        {
            var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
            var gate = scope.ServiceProvider.GetRequiredService<WriteGate>();
            var ticket = new TicketEntity { Title = example.Title, Description = example.Description, Created = DateTime.UtcNow, Updated = DateTime.UtcNow };
            ticket.Apply(fixedRecord);
            db.Tickets.Add(ticket);
            await gate.RunAsync(() => db.SaveChangesAsync(CancellationToken.None), CancellationToken.None);
        }
    }
    return Creates / clock.Elapsed.TotalSeconds;
}

await CreatesPerSecondAsync(withTriage: true); // warm-up
// Alternating short blocks, so drift in the machine's load (it is shared) falls on both sides alike.
var without = new List<double>();
var with = new List<double>();
for (var round = 0; round < Rounds; round++)
{
    (round % 2 == 0 ? without : with).Add(await CreatesPerSecondAsync(withTriage: round % 2 != 0));
    (round % 2 == 0 ? with : without).Add(await CreatesPerSecondAsync(withTriage: round % 2 == 0));
}
double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"triage per ticket: {triageMicros:F1} us ({rounds * examples.Count} calls); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"creates/s (SQLite, one writer, median of {Rounds} blocks of {Creates}): without triage {Median(without):F0}, with triage {Median(with):F0}; ratio with/without {Median(with) / Median(without):F2}"));
await app.StopAsync();
Directory.Delete(folder, recursive: true);
