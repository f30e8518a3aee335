using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using TicketApi.Data;

namespace TicketApi.Accounts.Keys;

/// <summary>A stored key as its owner sees it listed: never the key itself, which exists only in the 201 that issued it.</summary>
public sealed record ApiKeyRecord(long Id, string UserId, string Name, string Prefix, AccessScope Scope, DateTime Created, DateTime? LastUsedAt, DateTime? RevokedAt);

/// <summary>What one request's key says about who is acting: the key, and its owner's current row and role.</summary>
public sealed record ApiKeyHolder(
    long KeyId, string UserId, AccessScope Scope, bool Revoked, DateTime? LastUsedAt, bool OwnerExists, string? UserName, string? Email, ActorRole Role);

/// <summary>
/// The <c>api_keys</c> table in plain SQL on both stores (docs/accounts.md, "API keys"): the lookup runs on every
/// request that carries a key, so it is one indexed statement on a pooled connection, with no EF in between.
/// </summary>
public abstract class ApiKeyStore
{
    private const string Columns = "id, user_id, name, prefix, scope, created, last_used_at, revoked_at";

    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    protected abstract object ToStored(DateTime utc);

    protected abstract DateTime FromStored(DbDataReader reader, int ordinal);

    public async Task<long> InsertAsync(string userId, string name, string prefix, byte[] hash, AccessScope scope, DateTime created, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "INSERT INTO api_keys (user_id, name, prefix, secret_hash, scope, created) VALUES (@user, @name, @prefix, @hash, @scope, @created) RETURNING id",
            ("user", userId), ("name", name), ("prefix", prefix), ("hash", hash), ("scope", Actor.ScopeName(scope)), ("created", ToStored(created)));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The keys of <paramref name="userId"/>, or of everyone when null; oldest first.</summary>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string? userId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = userId is null
            ? Command(connection, $"SELECT {Columns} FROM api_keys ORDER BY id")
            : Command(connection, $"SELECT {Columns} FROM api_keys WHERE user_id = @user ORDER BY id", ("user", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKeyRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(ReadRecord(reader));
        }
        return keys;
    }

    public async Task<ApiKeyRecord?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {Columns} FROM api_keys WHERE id = @id", ("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRecord(reader) : null;
    }

    /// <summary>Marks the key revoked (the first revocation's time stays); the next request with it finds the mark.</summary>
    public async Task RevokeAsync(long id, DateTime at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL", ("id", id), ("at", ToStored(at)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The key with this hash and its owner as they are now (role rows included), or null for no such key.</summary>
    public virtual async Task<ApiKeyHolder?> FindHolderAsync(byte[] hash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, ApiKeyStoreSql.Holder, ("hash", hash));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadHolderAsync(reader, cancellationToken);
    }

    protected async Task<ApiKeyHolder?> ReadHolderAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new ApiKeyHolder(
            reader.GetInt64(0),
            reader.GetString(1),
            Actor.ParseScope(reader.GetString(2)) ?? AccessScope.Read,
            !reader.IsDBNull(3),
            reader.IsDBNull(4) ? null : FromStored(reader, 4),
            !reader.IsDBNull(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.IsDBNull(8) ? ActorRole.Requester : (ActorRole)Convert.ToInt32(reader.GetValue(8), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Records a use, unless one at or after <paramref name="staleBefore"/> is already recorded (another request, another process).</summary>
    public async Task TouchAsync(long id, DateTime now, DateTime staleBefore, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "UPDATE api_keys SET last_used_at = @now WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @stale)",
            ("id", id), ("now", ToStored(now)), ("stale", ToStored(staleBefore)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private ApiKeyRecord ReadRecord(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        Actor.ParseScope(reader.GetString(4)) ?? AccessScope.Read,
        FromStored(reader, 5),
        reader.IsDBNull(6) ? null : FromStored(reader, 6),
        reader.IsDBNull(7) ? null : FromStored(reader, 7));

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}

/// <summary>
/// SQLite: times as microseconds since the epoch, as the ticket tables keep them (<see cref="StoredValues"/>).
/// The per-request lookup runs on connections kept open with the statement already prepared: compiling the
/// statement again for every request cost as much as reading the ticket itself (bench/auth-cost.sh). Each read
/// still sees the latest commit of any process (WAL, one autocommit read per lookup), so nothing goes stale.
/// </summary>
public sealed class SqliteApiKeyStore(IOptions<TicketDatabaseOptions> options) : ApiKeyStore, IDisposable
{
    private readonly string _connectionString = options.Value.ConnectionString;
    private readonly ConcurrentBag<PreparedLookup> _lookups = [];
    private volatile bool _disposed;

    public override async Task<ApiKeyHolder?> FindHolderAsync(byte[] hash, CancellationToken cancellationToken)
    {
        if (!_lookups.TryTake(out var lookup))
        {
            lookup = await PreparedLookup.OpenAsync(_connectionString, cancellationToken);
        }
        try
        {
            lookup.Hash.Value = hash;
            ApiKeyHolder? holder;
            await using (var reader = await lookup.Command.ExecuteReaderAsync(cancellationToken))
            {
                holder = await ReadHolderAsync(reader, cancellationToken);
            }
            Return(lookup);
            return holder;
        }
        catch
        {
            lookup.Dispose(); // a lookup that failed midway is not reused
            throw;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_lookups.TryTake(out var lookup))
        {
            lookup.Dispose();
        }
    }

    private void Return(PreparedLookup lookup)
    {
        _lookups.Add(lookup);
        if (_disposed && _lookups.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await SqliteConnectionSetup.OpenAsync(_connectionString, cancellationToken);

    protected override object ToStored(DateTime utc) => StoredValues.ToMicroseconds(utc);

    protected override DateTime FromStored(DbDataReader reader, int ordinal) => StoredValues.FromMicroseconds(reader.GetInt64(ordinal));
}

/// <summary>The lookup every request with a key makes: the key by hash, its owner's row and highest role.</summary>
internal static class ApiKeyStoreSql
{
    public const string Holder =
        """
        SELECT k.id, k.user_id, k.scope, k.revoked_at, k.last_used_at, u."Id", u."UserName",
               CASE WHEN u."EmailConfirmed" THEN u."Email" END, -- an unconfirmed address owns no tickets (docs/accounts.md, "Visibility")
               (SELECT MAX(CASE r."RoleId" WHEN 'admin' THEN 2 WHEN 'agent' THEN 1 ELSE 0 END)
                FROM "AspNetUserRoles" r WHERE r."UserId" = k.user_id)
        FROM api_keys k LEFT JOIN "AspNetUsers" u ON u."Id" = k.user_id
        WHERE k.secret_hash = @hash
        """;
}

/// <summary>One open connection with the holder lookup prepared on it, for one request at a time.</summary>
internal sealed class PreparedLookup(SqliteConnection connection, SqliteCommand command, SqliteParameter hash) : IDisposable
{
    public SqliteCommand Command { get; } = command;

    public SqliteParameter Hash { get; } = hash;

    public static async Task<PreparedLookup> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = await SqliteConnectionSetup.OpenAsync(connectionString, cancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = ApiKeyStoreSql.Holder;
        var hash = command.Parameters.Add("@hash", SqliteType.Blob);
        command.Prepare();
        return new PreparedLookup(connection, command, hash);
    }

    public void Dispose()
    {
        Command.Dispose();
        connection.Dispose();
    }
}

/// <summary>PostgreSQL: timestamptz, on the ticket service's one data source (one pool).</summary>
public sealed class PostgresApiKeyStore(NpgsqlDataSource dataSource) : ApiKeyStore
{
    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override object ToStored(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);

    protected override DateTime FromStored(DbDataReader reader, int ordinal) => DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
}
