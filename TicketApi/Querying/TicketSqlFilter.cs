using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TicketApi.Contracts;
using TicketApi.Data;

namespace TicketApi.Querying;

/// <summary>
/// The WHERE clause of a list request, as SQL text and parameters. Every value travels as a parameter;
/// the only text taken from the request is none at all (column and index names come from fixed sets).
/// </summary>
public sealed class TicketSqlFilter
{
    private readonly List<string> _conditions = [];

    public List<SqliteParameter> Parameters { get; } = [];

    public string WhereClause => WhereClauseWith(null);

    /// <summary>The WHERE clause with one more condition ANDed in (when not null).</summary>
    public string WhereClauseWith(string? extra)
    {
        var conditions = extra is null ? _conditions : [.. _conditions, extra];
        return conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
    }

    /// <summary>A parameter belongs to one command, so each command gets copies.</summary>
    public SqliteParameter[] FreshParameters() =>
        Parameters.Select(p => new SqliteParameter(p.ParameterName, p.Value)).ToArray();

    /// <summary>True when a Unicode needle needs the <c>casefold</c> function on the connection.</summary>
    public bool NeedsCasefold { get; private set; }

    public static TicketSqlFilter For(TicketQuery query, string? fullTextMatch)
    {
        var filter = new TicketSqlFilter();
        if (fullTextMatch is not null)
        {
            filter.Add("id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH $match)", "$match", fullTextMatch);
        }
        if (query.Id is { } id)
        {
            filter.Add("id = $id", "$id", id);
        }
        if (query.IdIn is { } ids)
        {
            filter.Add("id IN (SELECT value FROM json_each($ids))", "$ids", JsonSerializer.Serialize(ids));
        }
        if (query.TitleContains is { } title)
        {
            filter.AddContains("title", "$title", title);
        }
        if (query.DescriptionContains is { } description)
        {
            filter.AddContains("description", "$description", description);
        }
        AddTime(filter, "created >= $created_from", "$created_from", query.CreatedFrom);
        AddTime(filter, "created <= $created_to", "$created_to", query.CreatedTo);
        AddTime(filter, "updated >= $updated_from", "$updated_from", query.UpdatedFrom);
        AddTime(filter, "updated <= $updated_to", "$updated_to", query.UpdatedTo);
        if (query.Status is { } status)
        {
            filter.Add("resolution_status = $status", "$status", TicketStatuses.ToWire(status));
        }
        if (query.StatusIn is { } statuses)
        {
            filter.Add("resolution_status IN (SELECT value FROM json_each($statuses))", "$statuses",
                JsonSerializer.Serialize(statuses.Select(TicketStatuses.ToWire)));
        }
        if (query.Priority is { } priority)
        {
            filter.Add("priority = $priority", "$priority", TicketLabels.PriorityRank(priority));
        }
        if (query.PriorityIn is { } priorities)
        {
            filter.Add("priority IN (SELECT value FROM json_each($priorities))", "$priorities",
                JsonSerializer.Serialize(priorities.Select(TicketLabels.PriorityRank)));
        }
        filter.AddLabels("category", query.Category, query.CategoryIn);
        filter.AddLabels("sentiment", query.Sentiment, query.SentimentIn);
        if (query.RequesterEmail is { } email)
        {
            // The column is COLLATE NOCASE (ASCII folding), which its index shares.
            filter.Add("requester_email = $requester_email", "$requester_email", email);
        }
        if (query.Owner is { } owner)
        {
            // Both sides indexed (ix_tickets_requester_email, ix_tickets_filed_by): SQLite's OR-by-union plan.
            filter._conditions.Add(owner.Email is null
                ? "filed_by = $owner_id"
                : "(filed_by = $owner_id OR requester_email = $owner_email)");
            filter.Parameters.Add(new SqliteParameter("$owner_id", owner.UserId));
            if (owner.Email is { } ownerEmail)
            {
                filter.Parameters.Add(new SqliteParameter("$owner_email", ownerEmail));
            }
        }
        switch (AssigneeFilter.AssigneeIdOf(query))
        {
            case null:
                break;
            case AssigneeFilter.Unassigned:
                filter._conditions.Add("assignee_id IS NULL");
                break;
            case var assignee:
                filter.Add("assignee_id = $assignee", "$assignee", assignee);
                break;
        }
        return filter;
    }

    /// <summary>
    /// Case-insensitive substring match. SQLite's LIKE folds ASCII only, which is exact for an ASCII
    /// needle; a needle with other letters goes through the Unicode-aware <c>casefold</c> function.
    /// </summary>
    private void AddContains(string column, string name, string needle)
    {
        if (needle.All(char.IsAscii))
        {
            Add($"{column} LIKE {name} ESCAPE '\\'", name, "%" + EscapeLike(needle) + "%");
        }
        else
        {
            NeedsCasefold = true;
            Add($"instr(casefold({column}), {name}) > 0", name, needle.ToLowerInvariant());
        }
    }

    /// <summary>One label or a list of them; <paramref name="column"/> comes from a fixed set.</summary>
    private void AddLabels(string column, string? single, IReadOnlyList<string>? list)
    {
        if (single is not null)
        {
            Add($"{column} = ${column}", "$" + column, single);
        }
        if (list is not null)
        {
            Add($"{column} IN (SELECT value FROM json_each(${column}_in))", $"${column}_in", JsonSerializer.Serialize(list));
        }
    }

    private static void AddTime(TicketSqlFilter filter, string condition, string name, DateTime? value)
    {
        if (value is { } time)
        {
            filter.Add(condition, name, StoredValues.ToMicroseconds(time));
        }
    }

    private void Add(string condition, string name, object value)
    {
        _conditions.Add(condition);
        Parameters.Add(new SqliteParameter(name, value));
    }

    private static string EscapeLike(string value) =>
        new StringBuilder(value)
            .Replace("\\", "\\\\")
            .Replace("%", "\\%")
            .Replace("_", "\\_")
            .ToString();
}
