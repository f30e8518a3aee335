using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketApi.Accounts;

/// <summary>Who a request acts as: <c>GET /api/account/me</c> (docs/accounts.md, "Credentials").</summary>
public sealed record MeDto(
    [property: Description("The person's id; \"local\" for the local admin of local mode.")] string Id,
    [property: Description("Display name: the user name, which is the email for people who registered.")] string Name,
    [property: Description("Email address; null for the local admin.")] string? Email,
    [property: Description("requester, agent or admin, as stored now.")] string Role,
    [property: Description("How far the credential reaches: read, write or admin (a password sign-in is admin, an API key its scope).")] string Scope,
    [property: JsonPropertyName("key_id"), Description("The API key the request came with; null otherwise.")] string? KeyId,
    [property: Description("local or required (docs/accounts.md, \"Modes\").")] string Mode)
{
    public static MeDto From(Actor actor, AuthMode mode)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new(actor.Id, actor.Name, actor.Email, Actor.RoleName(actor.Role), Actor.ScopeName(actor.Scope), actor.KeyId,
            mode == AuthMode.Local ? "local" : "required");
    }
}

/// <summary>A person as admins see them (docs/accounts.md, "Users").</summary>
public sealed record UserDto(
    [property: Description("Server-assigned identifier.")] string Id,
    [property: Description("Email address, which is also the sign-in name.")] string Email,
    [property: Description("requester, agent or admin.")] string Role);

/// <summary>One page of people, in the tickets' page shape.</summary>
public sealed record UserPage(long Count, string? Next, string? Previous, IReadOnlyList<UserDto> Results);

/// <summary>A person just created; the one-time password is in this answer only.</summary>
public sealed record CreatedUserDto(
    [property: Description("Server-assigned identifier.")] string Id,
    [property: Description("Email address, which is also the sign-in name.")] string Email,
    [property: Description("requester, agent or admin.")] string Role,
    [property: JsonPropertyName("one_time_password"), Description("A generated password, shown in this answer only, when the request gave none; null otherwise. The person signs in with it and sets their own with POST /api/account/manage/info.")]
    string? OneTimePassword);

/// <summary>The body of <c>POST /api/users/</c>.</summary>
public sealed record CreateUserRequest(
    [property: Description("Email address, the sign-in name. Required.")] string? Email,
    [property: Description("requester (default), agent or admin.")] string? Role = null,
    [property: Description("Optional; without it a one-time password is generated and returned once.")] string? Password = null);

/// <summary>The body of <c>PUT /api/users/{id}/role</c>.</summary>
public sealed record RoleChangeRequest([property: Description("requester, agent or admin.")] string? Role);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MeDto))]
[JsonSerializable(typeof(UserDto))]
[JsonSerializable(typeof(UserPage))]
[JsonSerializable(typeof(CreatedUserDto))]
[JsonSerializable(typeof(CreateUserRequest))]
[JsonSerializable(typeof(RoleChangeRequest))]
public sealed partial class AccountJsonContext : JsonSerializerContext;
