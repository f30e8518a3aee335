using System.Buffers;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using TicketApi.Contracts;
using TicketApi.Data;

namespace TicketApi.Http;

/// <summary>
/// 200 with a page of tickets: the same status, Content-Type and bytes as <c>TypedResults.Ok(TicketPage)</c>,
/// and the same OpenAPI metadata. The page is written by <see cref="TicketPageJson"/> from the rows, or is
/// one written before for the same revision of the tickets (<see cref="TicketPageCache"/>).
/// </summary>
public sealed class TicketPageResult : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private const string JsonContentType = "application/json; charset=utf-8";

    private readonly byte[]? _written;
    private readonly PageRows? _rows;

    private TicketPageResult(byte[]? written, PageRows? rows) => (_written, _rows) = (written, rows);

    /// <param name="remember">Given the page's bytes once written (to keep them for the next same request); null: not kept.</param>
    public static TicketPageResult FromRows(long count, string? next, string? previous, IReadOnlyList<TicketEntity> tickets, Action<byte[]>? remember) =>
        new(null, new PageRows(count, next, previous, tickets, remember));

    public static TicketPageResult FromCache(byte[] page) => new(page, null);

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        if (_rows is { } rows)
        {
            Write(httpContext, rows, response.BodyWriter);
        }
        else
        {
            response.BodyWriter.Write(_written);
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    private static void Write(HttpContext httpContext, PageRows rows, IBufferWriter<byte> body)
    {
        // The application's JSON settings (encoder, indentation), as the serializer would have used them.
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var writerOptions = new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, MaxDepth = options.MaxDepth };
        if (rows.Remember is null)
        {
            using var writer = new Utf8JsonWriter(body, writerOptions);
            TicketPageJson.Write(writer, options, rows.Count, rows.Next, rows.Previous, rows.Tickets);
            return;
        }
        var page = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(page, writerOptions))
        {
            TicketPageJson.Write(writer, options, rows.Count, rows.Next, rows.Previous, rows.Tickets);
        }
        var bytes = page.WrittenSpan.ToArray();
        rows.Remember(bytes);
        body.Write(bytes);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TicketPage), ["application/json"]));
    }

    private sealed record PageRows(long Count, string? Next, string? Previous, IReadOnlyList<TicketEntity> Tickets, Action<byte[]>? Remember);
}
