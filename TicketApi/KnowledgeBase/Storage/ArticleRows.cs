using System.Data.Common;
using System.Text.Json;

namespace TicketApi.KnowledgeBase.Storage;

/// <summary>
/// An article row, selected as <see cref="Columns"/> (table alias <c>a</c>) or bound as parameters: one
/// mapping for both stores, the dialect supplying how timestamps are stored. Tags are a JSON array as text.
/// </summary>
internal static class ArticleRows
{
    public const string Columns = "a.id, a.slug, a.title, a.category, a.tags, a.body, a.internal_notes, a.created, a.updated, a.version";

    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Binds every column but id as <c>@slug</c>, <c>@title</c>, ... <c>@version</c>.</summary>
    public static void AddRow(ArticleDialect dialect, DbCommand command, Article article)
    {
        Add(command, "@slug", article.Slug);
        Add(command, "@title", article.Title);
        Add(command, "@category", article.Category);
        Add(command, "@tags", JsonSerializer.Serialize(article.Tags, ArticleJsonContext.Default.IReadOnlyListString));
        Add(command, "@body", article.Body);
        Add(command, "@internal_notes", article.InternalNotes);
        Add(command, "@created", dialect.Time(article.Created));
        Add(command, "@updated", dialect.Time(article.Updated));
        Add(command, "@version", article.Version);
    }

    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public static Article Read(ArticleDialect dialect, DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        JsonSerializer.Deserialize(reader.GetString(4), ArticleJsonContext.Default.IReadOnlyListString) ?? [],
        reader.GetString(5),
        reader.GetString(6),
        dialect.ReadTime(reader, 7),
        dialect.ReadTime(reader, 8),
        reader.GetInt64(9));
}
