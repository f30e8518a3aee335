using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Querying;
using TicketApi.Tickets;
using TicketApi.Triage;

namespace TicketApi.Tests.TriageFields;

/// <summary>The stale rows the bulk re-triage tests start from, and the writer that steps in during a run.</summary>
public abstract partial class BulkRetriageTests
{
    /// <summary>An older triager's answer for every field a person did not set, written without touching version or updated.</summary>
    private async Task MakeStaleAsync(params JsonNode?[] ids)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
        foreach (var id in ids.Select(i => (long)i!))
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == id);
            var record = Stale(ticket.TriageRecord);
            var json = JsonSerializer.Serialize(record, TicketJsonContext.Default.TicketTriage);
            await db.Tickets.Where(t => t.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(t => t.Priority, TicketLabels.PriorityRank(record.Priority.Value))
                .SetProperty(t => t.Category, record.Category.Value)
                .SetProperty(t => t.Sentiment, record.Sentiment.Value)
                .SetProperty(t => t.Triage, json));
        }
    }

    private static TicketTriage Stale(TicketTriage? current)
    {
        static TriagedValue Older(TriagedValue? value, string stale) =>
            TicketTriaging.IsHuman(value) ? value! : new TriagedValue(stale, 0.5, OlderTriager, TriageLabels.RulesSource);
        return new TicketTriage(TicketTriage.Done, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Older(current?.Category, "BILLING"), Older(current?.Priority, "LOW"), Older(current?.Sentiment, "POSITIVE"));
    }

    /// <summary>Stale OPEN tickets written straight into the table: thousands, faster than through the API.</summary>
    private async Task InsertStaleAsync(int count)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var ticket = new TicketEntity
            {
                Title = $"Printer {i} on floor 3 jams",
                Description = "Paper jams after two pages.",
                Created = start.AddMinutes(i),
                Updated = start.AddMinutes(i),
                ResolutionStatus = TicketStatus.Open,
            };
            ticket.Apply(Stale(null));
            db.Tickets.Add(ticket);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The store's SQL with something stepping in right before each of <paramref name="times"/> writes, after
    /// the first <paramref name="skip"/>: another writer, or the client going away.
    /// </summary>
    private sealed class InterferingSql(BulkRetriageSql inner, Func<Task> interfere, int times, int skip = 0) : BulkRetriageSql
    {
        private int _writes;

        public int Interferences { get; private set; }

        public override Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

        public override string ParameterPrefix => inner.ParameterPrefix;

        public override (string Where, DbParameter[] Parameters) Filter(DbConnection connection, TicketQuery query) => inner.Filter(connection, query);

        public override object Timestamp(DateTime value) => inner.Timestamp(value);

        public override async Task<List<long>> WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<TicketEntity> tickets, DateTime now,
            CancellationToken cancellationToken)
        {
            if (_writes++ >= skip && Interferences < times)
            {
                Interferences++;
                await interfere();
            }
            return await inner.WriteAsync(connection, transaction, tickets, now, cancellationToken);
        }
    }
}
