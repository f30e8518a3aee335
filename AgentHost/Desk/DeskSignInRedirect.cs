using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgentHost.Desk;

/// <summary>
/// A browser opening a desk page without a sign-in is sent to the sign-in page, and one without the reach is shown
/// a page that says so; every other request (the REST API, the chat, MCP, and a program asking a page for JSON)
/// keeps the plain 401/403 of docs/accounts.md. Told apart by the endpoint (a Razor page) and by the request
/// asking for HTML, as a navigation does. Every other answer is the wrapped handler's (the framework's, with MCP's challenge).
/// </summary>
public sealed class DeskSignInRedirect(IAuthorizationMiddlewareResultHandler inner) : IAuthorizationMiddlewareResultHandler
{
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var isPageNavigation = context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null
            && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (isPageNavigation && authorizeResult.Challenged)
        {
            var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
            return Task.CompletedTask;
        }
        if (isPageNavigation && authorizeResult.Forbidden)
        {
            context.Response.Redirect("/forbidden");
            return Task.CompletedTask;
        }
        return inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
