using System.Diagnostics;
using System.Globalization;
using TicketApi;
using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Tickets;
using TicketApi.Triage;

// bench/triage-create.sh starts the service in this mode, once with triage on create and once without.
if (args is ["serve", var url, var database, var triage and ("on" or "off")])
{
    await TicketServiceHost.ServeAsync(url, database, triage == "on");
    return;
}

// Same store, same tickets, same transaction: the create path once as TicketStore.CreateAsync runs it
// (triage, the record, then TicketStore.InsertAsync: the insert with the journal's audit, event and analytics
// rows) and once as InsertAsync alone, on a ticket with no triage at all, so the ratio is what triage adds to a
// create and nothing else (docs/triage.md, "Speed"). SQLite file in a temporary folder.
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

// Triage alone, per ticket, over the labelled tickets' real texts: each call timed (the issue's target is the
// median), and this thread's CPU time over all of them (Linux's schedstat; the host's own threads are not
// counted), which a busy shared machine inflates far less than the wall clock.
var calls = new List<double>();
var cpuBefore = ThreadCpuMicros();
var watch = Stopwatch.StartNew();
while (watch.Elapsed < TimeSpan.FromSeconds(3))
{
    foreach (var example in examples)
    {
        var start = Stopwatch.GetTimestamp();
        triager.Triage(example.Input);
        calls.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
    }
}
var triageCpuMicros = (ThreadCpuMicros() - cpuBefore) / calls.Count;
calls.Sort();

// Writers: 1 is one client creating tickets one after another; Concurrent is as many clients at once as
// bench/run.sh has connections, where triage runs outside the write gate beside other clients' writes.
// A third side stores a fixed triage record without triaging: it splits what triage costs into the triager's
// call with building and writing its record, and what storing a record costs downstream (the audit diff
// reads it back, the live event carries it).
const int Concurrent = 32;
var fixedRecord = TicketTriaging.Run(triager, new TicketEntity { Title = examples[0].Title, Description = examples[0].Description }, kept: null, DateTime.UtcNow);
// Each block also reports the process's CPU time per create: on a busy shared machine the wall clock mostly
// measures the other processes, while CPU time is what a create costs wherever it runs (on two cores creates
// are CPU-bound, so the CPU ratio is the throughput ratio a quiet machine would show).
async Task<(double PerSecond, double CpuMicros)> CreatesPerSecondAsync(Side side, int writers)
{
    var cpu = Environment.CpuUsage.TotalTime;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(() => WriteAsync(writer))));
    return (Creates / clock.Elapsed.TotalSeconds, (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / Creates);

    async Task WriteAsync(int writer)
    {
        for (var i = writer; i < Creates; i += writers)
        {
            var example = examples[i % examples.Count];
            await using var scope = app.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<TicketStore>();
            if (side == Side.WithTriage)
            {
                await store.CreateAsync(new TicketChanges(example.Title, example.Description, null), CancellationToken.None);
                continue;
            }
            var now = DateTime.UtcNow;
            var ticket = new TicketEntity { Title = example.Title, Description = example.Description, Created = now, Updated = now, ResolutionStatus = TicketStatus.Open };
            if (side == Side.FixedRecord)
            {
                ticket.Apply(fixedRecord with { TriagedAt = now });
            }
            await store.InsertAsync(ticket, alongside: null, CancellationToken.None);
        }
    }
}

// Short blocks in rotating order, so drift in the machine's load (it is shared) falls on every side alike.
async Task<(double[] Rates, double[] CpuMicros)> MeasureAsync(int writers)
{
    await CreatesPerSecondAsync(Side.WithTriage, writers); // warm-up
    var rates = new[] { new List<double>(), new List<double>(), new List<double>() };
    var cpu = new[] { new List<double>(), new List<double>(), new List<double>() };
    for (var round = 0; round < Rounds; round++)
    {
        for (var k = 0; k < 3; k++)
        {
            var side = (Side)((round + k) % 3);
            var (perSecond, cpuMicros) = await CreatesPerSecondAsync(side, writers);
            rates[(int)side].Add(perSecond);
            cpu[(int)side].Add(cpuMicros);
        }
    }
    return ([.. rates.Select(Median)], [.. cpu.Select(Median)]);
}
static double ThreadCpuMicros() => File.Exists("/proc/thread-self/schedstat")
    ? long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0], CultureInfo.InvariantCulture) / 1000.0
    : double.NaN;
double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
var sequential = await MeasureAsync(1);
var concurrent = await MeasureAsync(Concurrent);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"triage per ticket: p50 {calls[calls.Count / 2]:F1} us, p99 {calls[calls.Count * 99 / 100]:F1} us, mean {calls.Average():F1} us, CPU time {triageCpuMicros:F1} us ({calls.Count} calls); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
foreach (var (label, (rates, cpu)) in new[] { ("one writer", sequential), ($"{Concurrent} concurrent writers", concurrent) })
{
    var (without, recorded, with) = (rates[(int)Side.Without], rates[(int)Side.FixedRecord], rates[(int)Side.WithTriage]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"creates/s (SQLite, {label}, median of {Rounds} blocks of {Creates}): without triage {without:F0}, with triage {with:F0}; ratio with/without {with / without:F2} (a fixed record stored without triaging: {recorded:F0}, with/that {with / recorded:F2})"));
    var (cpuWithout, cpuRecorded, cpuWith) = (cpu[(int)Side.Without], cpu[(int)Side.FixedRecord], cpu[(int)Side.WithTriage]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  process CPU per create (median): without triage {cpuWithout:F0} us, with triage {cpuWith:F0} us; ratio without/with {cpuWithout / cpuWith:F2} (fixed record {cpuRecorded:F0} us, that/with {cpuRecorded / cpuWith:F2})"));
}
await app.StopAsync();
Directory.Delete(folder, recursive: true);

internal enum Side
{
    Without,
    FixedRecord,
    WithTriage,
}
