using Microsoft.AspNetCore.Authorization;

namespace TicketApi.Http;

/// <summary>
/// RFC 9110 section 9.3.2: a server answers HEAD exactly as GET, minus the content. Minimal APIs map GET
/// only, so each GET route gets a HEAD twin running the same handler: the same status and headers
/// (Content-Type, ETag, ...) come out, and Kestrel drops the body it writes. The twin stays out of the
/// OpenAPI document (the GET operation describes both; see docs/rest-api.md, "HEAD").
/// </summary>
public static class HeadRoutes
{
    public static RouteHandlerBuilder MapGetAndHead(this IEndpointRouteBuilder app, string pattern, Delegate handler)
    {
        var get = app.MapGet(pattern, handler);
        // HEAD answers what GET answers, so it needs what GET needs: the twin takes the GET endpoint's authorization
        // (RequireAccess, AllowAnonymous) once that is built; without it a HEAD of a draft told a requester it existed.
        // Endpoints are built in the order they were mapped, so GET's metadata is known when HEAD's is built.
        var access = new List<object>();
        get.Finally(endpoint => access.AddRange(endpoint.Metadata.Where(m => m is IAuthorizeData or IAllowAnonymous)));
        app.MapMethods(pattern, [HttpMethods.Head], handler).ExcludeFromDescription()
            .Finally(endpoint => access.ForEach(endpoint.Metadata.Add));
        return get;
    }

    /// <summary>
    /// Lets an endpoint mapped by the framework for GET only (the OpenAPI document) answer HEAD too: routing
    /// reads the last <see cref="HttpMethodMetadata"/> of an endpoint, so this one replaces the GET-only one.
    /// </summary>
    public static TBuilder AllowHead<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
}
