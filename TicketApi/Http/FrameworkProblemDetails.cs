namespace TicketApi.Http;

/// <summary>
/// Problem details for the answers the framework gives on its own (routing's 404, 405 and 415, status code
/// pages), so they say what to do as our own problems do instead of carrying a bare title.
/// </summary>
public static class FrameworkProblemDetails
{
    public static IServiceCollection AddFrameworkProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Detail ??= DetailFor(context.ProblemDetails.Status, context.HttpContext.Request);
        });

    private static string? DetailFor(int? status, HttpRequest request) => status switch
    {
        StatusCodes.Status404NotFound => $"There is nothing at {request.Path}.",
        StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}.",
        StatusCodes.Status415UnsupportedMediaType => $"Send the body as JSON, with Content-Type: application/json (got '{request.ContentType}').",
        _ => null,
    };
}
