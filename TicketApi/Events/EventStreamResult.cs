using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using TicketApi.Accounts;

namespace TicketApi.Events;

/// <summary>
/// Streams the live events a caller may see, from just after <c>after</c> (docs/accounts.md, "Live events"):
/// what the table holds first, then each new event as it commits. This process's writes wake it at once
/// (<see cref="TicketEventSignal"/>); it also looks every <see cref="EventSettings.Poll"/> for other processes'
/// writes, and sends a heartbeat comment when nothing was sent for <see cref="EventSettings.Heartbeat"/>. The
/// stream ends when the client leaves or the host stops.
/// </summary>
public sealed class EventStreamResult(Actor actor, long? after) : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var services = httpContext.RequestServices;
        var settings = services.GetRequiredService<EventSettings>();
        var signal = services.GetRequiredService<TicketEventSignal>();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(
            httpContext.RequestAborted, services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        var cancellationToken = stop.Token;

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // proxies: pass frames on as they come
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            var opening = new StringBuilder(EventFrames.Opening(settings.Retry));
            long cursor;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var store = scope.ServiceProvider.GetRequiredService<EventStore>();
                if (after is { } resumeFrom)
                {
                    cursor = resumeFrom;
                    if (await store.PrunedThroughAsync(cancellationToken) is var pruned && resumeFrom < pruned)
                    {
                        opening.Append(EventFrames.Missed(resumeFrom, pruned));
                        cursor = pruned;
                    }
                }
                else
                {
                    cursor = await store.LatestIdAsync(cancellationToken);
                }
            }
            await WriteAsync(response, opening.ToString(), cancellationToken);
            var quietSince = DateTime.UtcNow;
            while (!cancellationToken.IsCancellationRequested)
            {
                var woken = signal.Next; // taken before looking, so an event committed meanwhile still wakes the wait below
                var (frames, last, full) = await ReadAsync(scopes, cursor, settings.Batch, cancellationToken);
                cursor = last;
                if (frames.Length > 0)
                {
                    await WriteAsync(response, frames, cancellationToken);
                    quietSince = DateTime.UtcNow;
                }
                if (full)
                {
                    continue; // more are waiting: no pause
                }
                var heartbeatDue = quietSince + settings.Heartbeat - DateTime.UtcNow;
                if (heartbeatDue <= TimeSpan.Zero)
                {
                    await WriteAsync(response, EventFrames.Heartbeat, cancellationToken);
                    quietSince = DateTime.UtcNow;
                    continue;
                }
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                await Task.WhenAny(woken, Task.Delay(heartbeatDue < settings.Poll ? heartbeatDue : settings.Poll, wait.Token));
                await wait.CancelAsync(); // the timer of a wait the signal ended
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client left or the host is stopping: the stream ends here.
        }
        catch (IOException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // Same, noticed while writing.
        }
    }

    /// <summary>The frames of the visible events after <paramref name="cursor"/>, the id read up to, and whether a full batch came back.</summary>
    private async Task<(string Frames, long Last, bool Full)> ReadAsync(IServiceScopeFactory scopes, long cursor, int batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<EventStore>().AfterAsync(cursor, batch, cancellationToken);
        var frames = new StringBuilder();
        foreach (var ticketEvent in events)
        {
            if (EventStore.MaySee(actor, ticketEvent))
            {
                frames.Append(EventFrames.Format(ticketEvent));
            }
        }
        return (frames.ToString(), events.Count > 0 ? events[^1].Id : cursor, events.Count == batch);
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/event-stream"]));
    }
}
