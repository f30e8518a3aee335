using Microsoft.AspNetCore.Http.HttpResults;

namespace TicketApi.Accounts;

/// <summary>
/// <c>GET /api/account/me</c>: who the request acts as, and the mode (docs/accounts.md, "Credentials"); the web desk
/// and the CLI ask it to show who is signed in. In local mode, without credentials, the answer is the local admin.
/// </summary>
public static class AccountMeEndpoint
{
    public const string Path = "/me";

    public static RouteHandlerBuilder MapAccountMe(this IEndpointRouteBuilder group) =>
        group.MapGet(Path, Get).WithName("GetMe").RequireAccess(Access.Read)
            .WithSummary("Who this request acts as: id, name, email, role, scope, API key and the mode.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    public static Ok<MeDto> Get(AuthModeResolver mode) => TypedResults.Ok(MeDto.From(ActingContext.Actor, mode.Mode));
}
