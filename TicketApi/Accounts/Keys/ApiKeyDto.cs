using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using TicketApi.Contracts;

namespace TicketApi.Accounts.Keys;

/// <summary>The body of <c>POST /api/keys</c>.</summary>
public sealed record NewApiKey(
    [property: Description("What the key is for, 1-100 characters (e.g. ci-bot).")] string? Name,
    [property: Description("read, write or admin; the highest one given is the key's reach.")] IReadOnlyList<string>? Scopes);

/// <summary>A key as <c>GET /api/keys</c> lists it (docs/accounts.md, "API keys"): never the secret.</summary>
public sealed record ApiKeyDto(
    long Id,
    string Name,
    [property: Description("The key's first characters, to recognise it by.")] string Prefix,
    [property: Description("The key's reach: one of read, write, admin (write includes read, admin both).")] IReadOnlyList<string> Scopes,
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Created,
    [property: JsonPropertyName("last_used_at"), Description("When it was last used, to the minute; null if never.")]
    [property: JsonConverter(typeof(NullableUtcTimestampJsonConverter))] DateTime? LastUsedAt,
    bool Revoked,
    [property: JsonPropertyName("revoked_at")]
    [property: JsonConverter(typeof(NullableUtcTimestampJsonConverter))] DateTime? RevokedAt)
{
    public static ApiKeyDto From(ApiKeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.Id, key.Name, key.Prefix, [Actor.ScopeName(key.Scope)], key.UserId, key.Created, key.LastUsedAt, key.RevokedAt is not null, key.RevokedAt);
    }
}

/// <summary>The answer to <c>POST /api/keys</c>: the listing plus the key itself, shown this once.</summary>
public sealed record IssuedApiKeyDto(
    long Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Created,
    [property: Description("The key: send it as Authorization: Bearer <key>. It is shown only here; only its hash is kept.")] string Key);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(NewApiKey))]
[JsonSerializable(typeof(ApiKeyDto))]
[JsonSerializable(typeof(IReadOnlyList<ApiKeyDto>))]
[JsonSerializable(typeof(IssuedApiKeyDto))]
public sealed partial class ApiKeyJsonContext : JsonSerializerContext;
