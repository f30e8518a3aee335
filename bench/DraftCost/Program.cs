using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using TicketApi;
using TicketApi.Contracts;
using TicketApi.Drafts;
using TicketApi.Drafts.Writing;
using TicketApi.KnowledgeBase;
using TicketApi.KnowledgeBase.Storage;

// One SQLite file in a temporary folder: the starter articles plus generated variants (200 in all), and
// BENCH_TICKETS tickets (default 100,000) whose titles and sent replies reuse the articles' own words, so the
// reply index matches as many rows as a real helpdesk's would; every other ticket is RESOLVED with a reply.
var ticketCount = int.Parse(Environment.GetEnvironmentVariable("BENCH_TICKETS") ?? "100000", CultureInfo.InvariantCulture);
const int ArticleCount = 200;
const int Drafts = 400;
var folder = Path.Combine(Path.GetTempPath(), "draft-cost-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var database = Path.Combine(folder, "tickets.db");
// A generic host: nothing listens, so the bench never fights another process for a port.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.ClearProviders();
builder.Configuration["ConnectionStrings:Tickets"] = $"Data Source={database}";
builder.Configuration["TRIAGE_MODEL"] = "off";
builder.Configuration["DRAFT_MODEL"] = "off";
builder.Services.AddTicketApi(builder.Configuration);
using var app = builder.Build();
await app.StartAsync(); // schema and the 25 starter articles

var store = app.Services.GetRequiredService<ArticleStore>();
var (_, starters) = await store.ListAsync(new ArticleQuery { PageSize = 100 }, CancellationToken.None);
var variants = new[] { "on Windows", "on a Mac", "for remote staff", "in the office", "for contractors", "after the migration", "FAQ" };
for (var i = 0; starters.Count + i < ArticleCount; i++)
{
    var source = starters[i % starters.Count];
    var variant = variants[i / starters.Count % variants.Length];
    await store.CreateAsync(new ArticleChanges(null, $"{source.Title} ({variant})", source.Category, source.Tags,
        source.Body.Replace("## Steps", $"## Steps ({variant})", StringComparison.Ordinal), source.InternalNotes), CancellationToken.None);
}

var seedWatch = Stopwatch.StartNew();
await using (var connection = new SqliteConnection($"Data Source={database}"))
{
    await connection.OpenAsync();
    await using var transaction = connection.BeginTransaction();
    await using var ticket = connection.CreateCommand();
    ticket.CommandText = "INSERT INTO tickets (title, description, created, updated, resolution_status, category) VALUES ($t, $d, $c, $c, $s, $g) RETURNING id";
    var (t, d, c, s, g) = (ticket.Parameters.Add("$t", SqliteType.Text), ticket.Parameters.Add("$d", SqliteType.Text), ticket.Parameters.Add("$c", SqliteType.Integer),
        ticket.Parameters.Add("$s", SqliteType.Text), ticket.Parameters.Add("$g", SqliteType.Text));
    await using var reply = connection.CreateCommand();
    reply.CommandText = "INSERT INTO ticket_messages (ticket_id, kind, author, body, created, channel) VALUES ($id, 'reply', 'Agent', $b, $c, 'rest')";
    var (id, b, rc) = (reply.Parameters.Add("$id", SqliteType.Integer), reply.Parameters.Add("$b", SqliteType.Text), reply.Parameters.Add("$c", SqliteType.Integer));
    for (var i = 0; i < ticketCount; i++)
    {
        var article = starters[i % starters.Count];
        var steps = ArticleSteps.From(article.Body).Steps;
        t.Value = $"{article.Title} #{i}";
        d.Value = $"{string.Join(", ", article.Tags)}. {steps[i % steps.Count]}";
        c.Value = 1_700_000_000_000_000L + i * 1_000_000L;
        s.Value = i % 2 == 0 ? "RESOLVED" : "OPEN";
        g.Value = article.Category;
        var newId = (long)(await ticket.ExecuteScalarAsync())!;
        if (i % 2 == 0)
        {
            (id.Value, b.Value, rc.Value) = (newId, $"Hello,\n\n{steps[(i / 2) % steps.Count]}\n{steps[(i / 3) % steps.Count]}\n\nBest regards", c.Value);
            await reply.ExecuteNonQueryAsync();
        }
    }
    await transaction.CommitAsync();
}
Console.Error.WriteLine($"seeded {ticketCount} tickets in {seedWatch.Elapsed.TotalSeconds:F0} s");

string[] texts =
[
    "Remote access keeps cutting out|Since Tuesday my GlobalProtect VPN disconnects every 10-15 minutes when I work from home over Wi-Fi. Windows 11 laptop.",
    "locked out|It says my account is locked after I typed my password wrong a few times this morning.",
    "outlook says my mailbox is full|Red bar in Outlook saying my mailbox is over its limit and I cannot send. Loads of old attachments.",
    "paper stuck in the copier|The copier by the kitchen shows a jam in tray 2, I opened the front but can't see the paper.",
    "you took the money twice|My bank statement shows two payments of 49.99 for order 77310 on the same day.",
    "people can't hear me in teams|In Teams calls today nobody can hear me; my Jabra headset works in other apps.",
    "new desk chair please|My chair is broken, the backrest wobbles. Can facilities get me a new one?",
    "Excel crashes since update|After last night's update Excel closes as soon as I open any file. Windows 11.",
];
var writer = app.Services.GetRequiredService<OfflineDraftWriter>();
var search = app.Services.GetRequiredService<KnowledgeBaseSearch>();
DraftSubject Subject(int i)
{
    var parts = texts[i % texts.Length].Split('|');
    return new DraftSubject(new TicketDto(0, parts[0], parts[1], DateTime.UtcNow, DateTime.UtcNow, TicketStatus.Open, RequesterName: "Dana"), []);
}

for (var i = 0; i < 40; i++)
{
    await writer.WriteAsync(Subject(i), null, CancellationToken.None); // warm-up: JIT, page cache
}
// Interleaved, so drift in the machine's load (it is shared) falls on both alike.
var draftMs = new List<double>();
var searchMs = new List<double>();
for (var i = 0; i < Drafts; i++)
{
    var subject = Subject(i);
    var watch = Stopwatch.StartNew();
    await writer.WriteAsync(subject, null, CancellationToken.None);
    draftMs.Add(watch.Elapsed.TotalMilliseconds);
    watch.Restart();
    await search.ForTicketAsync(subject.Ticket.Title, subject.Ticket.Description, KnowledgeBaseSearch.DefaultLimit, CancellationToken.None);
    searchMs.Add(watch.Elapsed.TotalMilliseconds);
}
double Percentile(List<double> values, double p) => values.Order().ElementAt((int)Math.Min(values.Count - 1, Math.Floor(values.Count * p)));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"offline draft (SQLite, {ticketCount} tickets, {ticketCount / 2 + ticketCount % 2} with sent replies, {ArticleCount} articles; {Drafts} drafts): " +
    $"p50 {Percentile(draftMs, 0.5):F2} ms, p90 {Percentile(draftMs, 0.9):F2} ms; baseline one knowledge-base search p50 {Percentile(searchMs, 0.5):F2} ms; " +
    $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
await app.StopAsync();
SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
