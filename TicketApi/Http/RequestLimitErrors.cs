using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TicketApi.Http;

/// <summary>
/// Turns the server's own refusals of a request (Kestrel's <see cref="BadHttpRequestException"/>: a body over
/// <c>MaxRequestBodySize</c> is 413, a body slower than <c>MinRequestBodyDataRate</c> is 408, a malformed
/// request line or chunk is 400) into problem details with that status instead of a 500. These are the
/// client's faults, so they are logged as one line at Information, never as an error with a stack trace:
/// a slow or oversized client must not be able to fill the log. See docs/rest-api.md, "Limits".
/// </summary>
public sealed partial class RequestLimitErrors(IProblemDetailsService problems, ILogger<RequestLimitErrors> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException rejected || httpContext.Response.HasStarted)
        {
            return false;
        }

        LogRejected(logger, rejected.StatusCode, httpContext.Request.Method, httpContext.Request.Path, rejected.Message);
        httpContext.Response.StatusCode = rejected.StatusCode;
        var problem = new ProblemDetails
        {
            Status = rejected.StatusCode,
            Title = TitleFor(rejected.StatusCode),
            Detail = DetailFor(rejected, httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize),
        };
        // Returning true also stops the exception handler middleware from logging the exception (.NET 10).
        if (!await problems.TryWriteAsync(new() { HttpContext = httpContext, Exception = exception, ProblemDetails = problem }))
        {
            // The writer declines when Accept rules out JSON (an SSE client asks for text/event-stream);
            // the refusal is still a problem document rather than the 500 the middleware would fall back to.
            await httpContext.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        }
        return true;
    }

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status408RequestTimeout => "Request Timeout",
        StatusCodes.Status413PayloadTooLarge => "Content Too Large",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "Request Header Fields Too Large",
        _ => "Bad Request",
    };

    private static string DetailFor(BadHttpRequestException rejected, long? limit) => rejected.StatusCode switch
    {
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly; send it at a normal rate.",
        StatusCodes.Status413PayloadTooLarge when limit is { } bytes => $"The request body is larger than {bytes} bytes.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this endpoint accepts.",
        _ => rejected.Message,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string method, PathString path, string reason);
}

public static class RequestLimitErrorsExtensions
{
    /// <summary>
    /// Registers <see cref="RequestLimitErrors"/> once (both hosts call this; the agent host may embed the ticket
    /// service too). Needs <c>app.UseExceptionHandler()</c> in the pipeline, which both Program.cs files have.
    /// </summary>
    public static IServiceCollection AddRequestLimitErrors(this IServiceCollection services)
    {
        services.AddFrameworkProblemDetails();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExceptionHandler, RequestLimitErrors>());
        return services;
    }
}
