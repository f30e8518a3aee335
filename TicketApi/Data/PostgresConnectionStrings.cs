using Npgsql;

namespace TicketApi.Data;

/// <summary>
/// Accepts the URL form most hosts hand out (<c>postgres://user:password@host:5432/tickets?sslmode=require</c>)
/// beside Npgsql's own key-value form, which is what Npgsql understands.
/// </summary>
public static class PostgresConnectionStrings
{
    public static bool IsUrl(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    public static string Normalize(string connectionString)
    {
        var text = connectionString.Trim();
        if (!IsUrl(text))
        {
            return text;
        }
        var url = new Uri(text);
        var builder = new NpgsqlConnectionStringBuilder { Host = url.Host };
        if (!url.IsDefaultPort && url.Port > 0)
        {
            builder.Port = url.Port;
        }
        var database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }
        if (url.UserInfo.Length > 0)
        {
            var userInfo = url.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
            if (userInfo.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[1]);
            }
        }
        // Query parameters are Npgsql keywords in libpq spelling (sslmode=require); the builder knows both.
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(parts[0]).Replace('_', ' ')] = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "";
        }
        return builder.ConnectionString;
    }
}
