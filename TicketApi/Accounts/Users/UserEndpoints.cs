using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketApi.Http;

namespace TicketApi.Accounts.Users;

/// <summary>
/// People and roles, for admins (docs/accounts.md, "Users"). Routes match with and without the trailing slash.
/// <code>
///   GET    /api/users/            List       200 page | 400 | 404 invalid page     (HEAD too)
///   POST   /api/users/            Create     201 + Location | 400 | 409 email taken | 422
///   GET    /api/users/{id}/       Get        200 | 404                              (HEAD too)
///   PUT    /api/users/{id}/role   SetRole    200 | 400 | 404 | 409 last admin | 422 unknown role
///   DELETE /api/users/{id}/       Delete     204 | 404 | 409 last admin
/// </code>
/// Every route needs <see cref="Access.Admin"/>: 401 without credentials, 403 for requesters and agents.
/// </summary>
public static class UserEndpoints
{
    public const string BasePath = "/api/users";

    public static RouteGroupBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).WithTags("Users").RequireAccess(Access.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGetAndHead("/", List).WithName("ListUsers")
            .WithSummary("List people with their roles, by email; filter by role, search in emails.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", Create).WithName("CreateUser")
            .WithSummary("Create a person with a role; without a password a one-time password is returned, once.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGetAndHead("/{id}/", Get).WithName("GetUser")
            .WithSummary("Get one person and their role.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id}/role", SetRole).WithName("SetUserRole")
            .WithSummary("Change a person's role; it applies from their next request. The last admin cannot be demoted.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id}/", Delete).WithName("DeleteUser")
            .WithSummary("Delete a person; their credentials stop working at once. The last admin cannot be deleted.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    public static async Task<Results<Ok<UserPage>, ProblemHttpResult>> List(HttpRequest request, UserDirectory users, CancellationToken cancellationToken)
    {
        var (parsed, errors) = UserQuery.Parse(request.Query);
        if (parsed is not { } query)
        {
            return TicketProblems.Fields(StatusCodes.Status400BadRequest, "One or more query parameters are invalid.", errors);
        }
        var (count, results) = await users.ListAsync(query, cancellationToken);
        if (results is null)
        {
            return TicketProblems.InvalidPage(query.Page);
        }
        return TypedResults.Ok(new UserPage(count, PageLinks.Next(request, query.Page, query.PageSize, count), PageLinks.Previous(request, query.Page), results));
    }

    public static async Task<Results<Ok<UserDto>, ProblemHttpResult>> Get(string id, UserDirectory users, CancellationToken cancellationToken) =>
        await users.FindAsync(id, cancellationToken) is { } user ? TypedResults.Ok(user) : NotFound(id);

    public static async Task<Results<Created<CreatedUserDto>, ProblemHttpResult>> Create([FromBody] CreateUserRequest body, UserDirectory users, CancellationToken cancellationToken) =>
        await users.CreateAsync(body, cancellationToken) switch
        {
            UserChange.Done(var user, var password) => TypedResults.Created($"{BasePath}/{user.Id}/", new CreatedUserDto(user.Id, user.Email, user.Role, password)),
            var refused => Refusal(refused),
        };

    public static async Task<Results<Ok<UserDto>, ProblemHttpResult>> SetRole(string id, [FromBody] RoleChangeRequest body, UserDirectory users, CancellationToken cancellationToken) =>
        await users.SetRoleAsync(id, body?.Role, cancellationToken) switch
        {
            UserChange.Done(var user, _) => TypedResults.Ok(user),
            var refused => Refusal(refused),
        };

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, UserDirectory users, CancellationToken cancellationToken) =>
        await users.DeleteAsync(id, cancellationToken) switch
        {
            UserChange.Done => TypedResults.NoContent(),
            var refused => Refusal(refused),
        };

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"User with id '{id}' was not found.");

    /// <summary>Every refusal of a change, as a problem (RFC 9457).</summary>
    private static ProblemHttpResult Refusal(UserChange change) => change switch
    {
        UserChange.NotFound(var id) => NotFound(id),
        UserChange.UnknownRole(var role) => TicketProblems.Fields(StatusCodes.Status422UnprocessableEntity, "The role is not one of the desk's roles.",
            new Dictionary<string, string[]> { ["role"] = [$"Invalid role '{role}'. Allowed values are: requester, agent, admin."] }),
        UserChange.LastAdmin(var id) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
            detail: $"User '{id}' is the desk's only admin; make someone else an admin first."),
        UserChange.EmailTaken(var email) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
            detail: $"A person with the email '{email}' already exists."),
        UserChange.Invalid(var errors) => TicketProblems.Fields(StatusCodes.Status422UnprocessableEntity, "The person could not be stored as given.", errors),
        _ => throw new InvalidOperationException($"{change} is not a refusal."),
    };
}
