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

// Writers: 1 is one client creating tickets one after another; Concurrent is as many clients at once as
// bench/run.sh has connections, where triage runs outside the write gate beside other clients' writes.
const int Concurrent = 32;
async Task<double> CreatesPerSecondAsync(bool withTriage, int writers)
{
    var fixedRecord = TicketTriaging.Run(triager, new TicketEntity { Title = "x" }, kept: null, DateTime.UtcNow);
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(() => WriteAsync(writer))));
    return Creates / clock.Elapsed.TotalSeconds;

    async Task WriteAsync(int writer)
    {
        for (var i = writer; i < Creates; i += writers)
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
    }
}

// Alternating short blocks, so drift in the machine's load (it is shared) falls on both sides alike.
async Task<(double Without, double With)> MeasureAsync(int writers)
{
    await CreatesPerSecondAsync(withTriage: true, writers); // warm-up
    var without = new List<double>();
    var with = new List<double>();
    for (var round = 0; round < Rounds; round++)
    {
        (round % 2 == 0 ? without : with).Add(await CreatesPerSecondAsync(withTriage: round % 2 != 0, writers));
        (round % 2 == 0 ? with : without).Add(await CreatesPerSecondAsync(withTriage: round % 2 == 0, writers));
    }
    return (Median(without), Median(with));
}
double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
var sequential = await MeasureAsync(1);
var concurrent = await MeasureAsync(Concurrent);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"triage per ticket: {triageMicros:F1} us ({rounds * examples.Count} calls); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
foreach (var (label, (without, with)) in new[] { ("one writer", sequential), ($"{Concurrent} concurrent writers", concurrent) })
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"creates/s (SQLite, {label}, median of {Rounds} blocks of {Creates}): without triage {without:F0}, with triage {with:F0}; ratio with/without {with / without:F2}"));
}
await app.StopAsync();
Directory.Delete(folder, recursive: true);
