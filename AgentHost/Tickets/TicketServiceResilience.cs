using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AgentHost.Tickets;

/// <summary>
/// The retry policy for ticket-service calls: network errors, timeouts, 429 and 5xx are retried with
/// capped exponential backoff (jittered), honouring <c>Retry-After</c>. Calls that are not safe to repeat
/// (POST) are retried only where the service cannot have acted: refused connections, 429 and 503.
/// </summary>
internal static class TicketServiceResilience
{
    public static readonly ResiliencePropertyKey<bool> Idempotent = new("tickets.idempotent");

    public static ResiliencePipeline<HttpResponseMessage> Build(TicketServiceOptions options, TimeProvider timeProvider)
    {
        var maxDelay = options.MaxDelay;
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(0, options.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, timeProvider, maxDelay)),
                OnRetry = args =>
                {
                    // The failed response is dropped; free its connection before the next try.
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var idempotent = context.Properties.GetValue(Idempotent, false);
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                // The request never left: safe to repeat whatever the method.
                HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
                HttpRequestException or TimeoutRejectedException => idempotent,
                _ => false,
            };
        }

        var status = outcome.Result!.StatusCode;
        return status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
               || (idempotent && (int)status >= 500);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider timeProvider, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - timeProvider.GetUtcNow(),
            _ => null,
        };
        if (wait is null)
        {
            return null; // null: use the exponential backoff
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;
    }
}
