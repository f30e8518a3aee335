using System.Text;
using Npgsql;
using NpgsqlTypes;
using TicketApi.Contracts;

namespace TicketApi.Querying;

/// <summary>
/// The WHERE clause of a list request on PostgreSQL, as SQL text and parameters. Every value travels as
/// a parameter; column names come from fixed sets. The search and substring conditions are the ones
/// the GIN indexes serve (docs/storage.md, "Search and substring filters").
/// </summary>
public sealed class PostgresTicketFilter
{
    private readonly List<string> _conditions = [];
    private readonly List<Func<NpgsqlParameter>> _parameters = [];

    public string WhereClause => _conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", _conditions);

    /// <summary>A parameter belongs to one command, so each command gets its own.</summary>
    public IEnumerable<NpgsqlParameter> FreshParameters() => _parameters.Select(create => create());

    public static PostgresTicketFilter For(TicketQuery query)
    {
        var filter = new PostgresTicketFilter();
        if (query.SearchWords is { } words)
        {
            filter.Add("search @@ ticket_search_query(@words)", "words", words.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        }
        if (query.Id is { } id)
        {
            filter.Add("id = @id", "id", id, NpgsqlDbType.Bigint);
        }
        if (query.IdIn is { } ids)
        {
            filter.Add("id = ANY(@ids)", "ids", ids.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint);
        }
        if (query.TitleContains is { } title)
        {
            filter.AddContains("title", "title", title);
        }
        if (query.DescriptionContains is { } description)
        {
            filter.AddContains("description", "description", description);
        }
        filter.AddTime("created >= @created_from", "created_from", query.CreatedFrom);
        filter.AddTime("created <= @created_to", "created_to", query.CreatedTo);
        filter.AddTime("updated >= @updated_from", "updated_from", query.UpdatedFrom);
        filter.AddTime("updated <= @updated_to", "updated_to", query.UpdatedTo);
        if (query.Status is { } status)
        {
            filter.Add("resolution_status = @status", "status", TicketStatuses.ToWire(status), NpgsqlDbType.Text);
        }
        if (query.StatusIn is { } statuses)
        {
            filter.Add("resolution_status = ANY(@statuses)", "statuses",
                statuses.Select(TicketStatuses.ToWire).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        }
        if (query.Priority is { } priority)
        {
            filter.Add("priority = @priority", "priority", TicketLabels.PriorityRank(priority), NpgsqlDbType.Integer);
        }
        if (query.PriorityIn is { } priorities)
        {
            filter.Add("priority = ANY(@priorities)", "priorities",
                priorities.Select(TicketLabels.PriorityRank).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer);
        }
        filter.AddLabels("category", query.Category, query.CategoryIn);
        filter.AddLabels("sentiment", query.Sentiment, query.SentimentIn);
        if (query.RequesterEmail is { } email)
        {
            // lower() on both sides: what ix_tickets_requester_email holds. Text cannot hold U+0000.
            if (email.Contains('\0', StringComparison.Ordinal))
            {
                filter._conditions.Add("FALSE");
            }
            else
            {
                filter.Add("lower(requester_email) = lower(@requester_email)", "requester_email", email, NpgsqlDbType.Text);
            }
        }
        if (query.Owner is { } owner)
        {
            // A BitmapOr of ix_tickets_filed_by and ix_tickets_requester_email (docs/accounts.md, "Visibility").
            filter._parameters.Add(() => new NpgsqlParameter("owner_id", NpgsqlDbType.Text) { Value = owner.UserId });
            if (owner.Email is { } ownerEmail && !ownerEmail.Contains('\0', StringComparison.Ordinal))
            {
                filter._conditions.Add("(filed_by = @owner_id OR lower(requester_email) = lower(@owner_email))");
                filter._parameters.Add(() => new NpgsqlParameter("owner_email", NpgsqlDbType.Text) { Value = ownerEmail });
            }
            else
            {
                filter._conditions.Add("filed_by = @owner_id");
            }
        }
        switch (AssigneeFilter.AssigneeIdOf(query))
        {
            case null:
                break;
            case AssigneeFilter.Unassigned:
                filter._conditions.Add("assignee_id IS NULL");
                break;
            case var assignee when assignee.Contains('\0', StringComparison.Ordinal):
                filter._conditions.Add("FALSE");
                break;
            case var assignee:
                filter.Add("assignee_id = @assignee", "assignee", assignee, NpgsqlDbType.Text);
                break;
        }
        return filter;
    }

    /// <summary>
    /// Case-insensitive substring match with ILIKE, which folds case by the database's (UTF-8) character
    /// type. PostgreSQL text cannot hold U+0000, so a needle with one matches nothing (SQLite agrees: no
    /// stored text holds one either, the API refuses it).
    /// </summary>
    private void AddContains(string column, string name, string needle)
    {
        if (needle.Contains('\0', StringComparison.Ordinal))
        {
            _conditions.Add("FALSE");
            return;
        }
        Add($"{column} ILIKE @{name} ESCAPE '\\'", name, "%" + EscapeLike(needle) + "%", NpgsqlDbType.Text);
    }

    /// <summary>One label or a list of them; <paramref name="column"/> comes from a fixed set.</summary>
    private void AddLabels(string column, string? single, IReadOnlyList<string>? list)
    {
        if (single is not null)
        {
            Add($"{column} = @{column}", column, single, NpgsqlDbType.Text);
        }
        if (list is not null)
        {
            Add($"{column} = ANY(@{column}_in)", column + "_in", list.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        }
    }

    private void AddTime(string condition, string name, DateTime? value)
    {
        if (value is { } time)
        {
            Add(condition, name, time, NpgsqlDbType.TimestampTz);
        }
    }

    private void Add(string condition, string name, object value, NpgsqlDbType type)
    {
        _conditions.Add(condition);
        _parameters.Add(() => new NpgsqlParameter(name, type) { Value = value });
    }

    private static string EscapeLike(string value) =>
        new StringBuilder(value)
            .Replace("\\", "\\\\")
            .Replace("%", "\\%")
            .Replace("_", "\\_")
            .ToString();
}
