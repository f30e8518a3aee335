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
        app.MapMethods(pattern, [HttpMethods.Head], handler).ExcludeFromDescription();
        return app.MapGet(pattern, handler);
    }

    /// <summary>
    /// Lets an endpoint mapped by the framework for GET only (the OpenAPI document) answer HEAD too: routing
    /// reads the last <see cref="HttpMethodMetadata"/> of an endpoint, so this one replaces the GET-only one.
    /// </summary>
    public static TBuilder AllowHead<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
}
