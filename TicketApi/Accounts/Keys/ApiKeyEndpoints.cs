using Microsoft.AspNetCore.Http.HttpResults;
using TicketApi.Http;

namespace TicketApi.Accounts.Keys;

/// <summary>
/// API keys (docs/accounts.md, "API keys"). Routes match with and without the trailing slash.
/// <code>
///   POST   /api/keys        Issue    201 + Location, the key once | 400 | 415 | 422 scope above the caller's reach
///   GET    /api/keys        List     200 the caller's keys; an admin may pass ?user=&lt;id&gt; or ?user=all | 400 | 403
///   DELETE /api/keys/{id}   Revoke   204 (again: 204) | 404 missing or someone else's (unless admin)
/// </code>
/// </summary>
public static class ApiKeyEndpoints
{
    public const string BasePath = "/api/keys";

    private const int MaxNameLength = 100;

    public static RouteGroupBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        // In the OpenAPI document with every answer (ApiKeyOperations adds examples, the user parameter and problem schemas).
        var group = app.MapGroup(BasePath).WithTags("API keys")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/", Issue).WithName("IssueApiKey").RequireAccess(Access.Write)
            .WithSummary("Issue an API key for yourself, at most as far-reaching as your role and credential; the key is in this answer only.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGetAndHead("/", List).WithName("ListApiKeys").RequireAccess(Access.Read)
            .WithSummary("List your API keys (never their secrets); an admin may list someone else's (user=<id>) or everyone's (user=all).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapDelete("/{id}/", Revoke).WithName("RevokeApiKey").RequireAccess(Access.Write)
            .WithSummary("Revoke one of your API keys (an admin: anyone's); it stops working at once. Revoking again changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Created<IssuedApiKeyDto>, ProblemHttpResult>> Issue(
        NewApiKey body, ApiKeyStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var actor = ActingContext.Actor;
        var errors = new Dictionary<string, string[]>();
        var name = body.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            errors["name"] = [$"Give the key a name of 1-{MaxNameLength} characters."];
        }
        var scope = ParseScopes(body.Scopes, errors);
        var ceiling = Ceiling(actor);
        if (scope > ceiling)
        {
            errors["scopes"] =
            [
                $"Scope '{Actor.ScopeName(scope.Value)}' reaches beyond yours: as {Actor.RoleName(actor.Role)} with this credential you may issue keys up to '{Actor.ScopeName(ceiling)}'.",
            ];
        }
        if (errors.Count > 0 || scope is not { } granted)
        {
            return TicketProblems.Fields(StatusCodes.Status422UnprocessableEntity, "The key cannot be issued as asked.", errors);
        }
        var key = ApiKeySecret.Create();
        var created = time.GetUtcNow().UtcDateTime;
        var id = await store.InsertAsync(actor.Id, name, ApiKeySecret.PrefixOf(key), ApiKeySecret.Hash(key), granted, created, cancellationToken);
        return TypedResults.Created($"{BasePath}/{id}", new IssuedApiKeyDto(id, name, ApiKeySecret.PrefixOf(key), [Actor.ScopeName(granted)], actor.Id, created, key));
    }

    public static async Task<Results<Ok<IReadOnlyList<ApiKeyDto>>, ProblemHttpResult>> List(
        HttpRequest request, ApiKeyStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Query.Keys.FirstOrDefault(name => name != "user") is { } unknown)
        {
            return TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.",
                new Dictionary<string, string[]> { [unknown] = ["Unknown query parameter. Allowed: user (an admin's: a user id or all)."] });
        }
        var actor = ActingContext.Actor;
        var user = request.Query["user"].ToString();
        string? owner = user.Length == 0 || user == actor.Id ? actor.Id : user == "all" ? null : user;
        if (owner != actor.Id && !actor.IsAdmin)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "Only an admin (with an admin-scoped credential) may list other people's keys.");
        }
        var keys = await store.ListAsync(owner, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ApiKeyDto>>([.. keys.Select(ApiKeyDto.From)]);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string id, ApiKeyStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var actor = ActingContext.Actor;
        // Someone else's key is a 404 as a missing one is: a key's existence is its owner's business.
        if (!long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var keyId)
            || await store.FindAsync(keyId, cancellationToken) is not { } key
            || (key.UserId != actor.Id && !actor.IsAdmin))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"API key with id '{id}' was not found.");
        }
        await store.RevokeAsync(key.Id, time.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The widest scope <paramref name="actor"/> may put on a key: their role's (requesters and agents write, admins
    /// administer), and never wider than the credential asking, so a write key cannot mint an admin key.
    /// </summary>
    public static AccessScope Ceiling(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var byRole = actor.Role == ActorRole.Admin ? AccessScope.Admin : AccessScope.Write;
        return actor.Scope < byRole ? actor.Scope : byRole;
    }

    private static AccessScope? ParseScopes(IReadOnlyList<string>? scopes, Dictionary<string, string[]> errors)
    {
        if (scopes is null || scopes.Count == 0)
        {
            errors["scopes"] = ["Give at least one scope. Allowed values are: read, write, admin."];
            return null;
        }
        AccessScope? highest = null;
        foreach (var name in scopes)
        {
            if (Actor.ParseScope(name) is not { } parsed)
            {
                errors["scopes"] = [$"Invalid scope '{name}'. Allowed values are: read, write, admin."];
                return null;
            }
            highest = highest is { } current && current > parsed ? current : parsed;
        }
        return highest;
    }
}
