using System.Text;

namespace TicketApi.Analytics;

/// <summary>The one statement that adds to counters: the same upsert text works on SQLite (3.24+) and PostgreSQL.</summary>
public static class CounterSql
{
    public static (string Sql, object[] Arguments) Upsert(IReadOnlyList<CounterDelta> deltas)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var sql = new StringBuilder("INSERT INTO analytics_counts (figure, day, key, slot, n) VALUES ");
        var arguments = new object[deltas.Count * 5];
        for (var i = 0; i < deltas.Count; i++)
        {
            var p = i * 5;
            sql.Append(i == 0 ? "" : ", ").Append(System.Globalization.CultureInfo.InvariantCulture,
                $"({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{{p + 4}}})");
            var d = deltas[i];
            arguments[p] = d.Figure;
            arguments[p + 1] = d.Day;
            arguments[p + 2] = d.Key;
            arguments[p + 3] = d.Slot;
            arguments[p + 4] = d.Amount;
        }
        sql.Append(" ON CONFLICT (figure, day, key, slot) DO UPDATE SET n = analytics_counts.n + excluded.n");
        return (sql.ToString(), arguments);
    }
}
