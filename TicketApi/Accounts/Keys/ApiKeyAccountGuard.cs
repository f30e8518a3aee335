namespace TicketApi.Accounts.Keys;

/// <summary>
/// A key cannot manage its owner's account (<c>/api/account/manage/...</c>: email, password, two-factor), whatever its
/// scope: a leaked key would otherwise be a way to take the account over. Those routes need the person's own sign-in.
/// </summary>
public static class ApiKeyAccountGuard
{
    public static async ValueTask<object?> RefuseKeysOnManage(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (ActingContext.Actor.KeyId is not null && context.HttpContext.Request.Path.Value?.Contains("/manage", StringComparison.OrdinalIgnoreCase) == true)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "An API key cannot manage its owner's account: sign in with the password to change email, password or two-factor settings.");
        }
        return await next(context);
    }
}
