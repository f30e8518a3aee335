using TicketApi.Http;

namespace AgentHost.Endpoints;

/// <summary>
/// Refuses <c>/chat</c> requests that a page on another site makes through the person's browser (an
/// EventSource, a form, an iframe): a chat turn creates and deletes tickets, so it is as sensitive as
/// <c>/mcp</c> and follows the same <see cref="BrowserOriginRule"/>. The refusal is a 403 problem.
/// </summary>
internal sealed class ChatBrowserFilter(BrowserOriginRule rule, ILogger<ChatBrowserFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var refusal = rule.RefusalOf(context.HttpContext.Request);
        if (refusal is not null)
        {
            logger.LogWarning("Rejected chat request: {Reason}", refusal);
            return TypedResults.Problem(title: "Forbidden", detail: refusal, statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }
}
