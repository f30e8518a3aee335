using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using TicketApi.Contracts;
using TicketApi.Data;

namespace TicketApi.Http;

/// <summary>
/// 200 with a page of tickets, written by <see cref="TicketPageJson"/> straight into the response body: the
/// same status, Content-Type and bytes as <c>TypedResults.Ok(TicketPage)</c>, and the same OpenAPI metadata.
/// </summary>
public sealed class TicketPageResult(long count, string? next, string? previous, IReadOnlyList<TicketEntity> tickets)
    : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        // The application's JSON settings (encoder, indentation), as the serializer would have used them.
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            MaxDepth = options.MaxDepth,
        }))
        {
            TicketPageJson.Write(writer, options, count, next, previous, tickets);
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TicketPage), ["application/json"]));
    }
}
