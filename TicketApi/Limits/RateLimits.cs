using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using TicketApi.Accounts;

namespace TicketApi.Limits;

/// <summary>
/// Rate limits on the framework's rate limiter (docs/accounts.md, "Limits"): token buckets partitioned by API key,
/// else person, else client address. Writes are limited for every route at once (a global limiter); the chat and
/// the routes that call a model name their policy (<see cref="Chat"/>, <see cref="Model"/>) with
/// <c>RequireRateLimiting</c>. A refusal is a 429 problem with <c>Retry-After</c> in seconds, from the limiter's
/// own metadata. Both hosts call <see cref="AddRateLimits"/> and <see cref="UseRateLimits"/> (after accounts, so
/// the person is known).
/// </summary>
public static class RateLimits
{
    public const string Chat = "chat";
    public const string Model = "model";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The agent host embedding the ticket service reaches this twice (its own defaults, then AddTicketApi).
        if (services.Any(service => service.ServiceType == typeof(RateLimitSettings)))
        {
            return services;
        }
        services.AddSingleton(RateLimitSettings.From(configuration));
        services.AddRateLimiter(_ => { });
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", options => options.AddOperationTransformer<OpenApi.RateLimitOperations>());
        services.AddOptions<RateLimiterOptions>().Configure<RateLimitSettings>((options, settings) =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsWrite(context.Request) ? Bucket(context, settings, "writes", settings.Writes) : RateLimitPartition.GetNoLimiter(""));
            // A reconnect that resumes a turn (Last-Event-ID) is not a new turn: refusing it would end the stream it resumes.
            options.AddPolicy(Chat, context => context.Request.Headers.ContainsKey("Last-Event-ID")
                ? RateLimitPartition.GetNoLimiter("") : Bucket(context, settings, Chat, settings.Chat));
            options.AddPolicy(Model, context => Bucket(context, settings, Model, settings.Model));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseRateLimiter();
    }

    /// <summary>POST, PUT, PATCH and DELETE under <c>/api</c> and <c>/rate</c>; signing in is left to Identity's lockout.</summary>
    public static bool IsWrite(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method))
            && (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments(Ratings.RatingLinks.PagePath))
            && !request.Path.StartsWithSegments(AccountsExtensions.BasePath);
    }

    /// <summary>
    /// Whose bucket a request draws from: the API key, else the person signed in (the local admin of local mode
    /// included), else the client's address.
    /// </summary>
    public static string PartitionKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ActorClaims.FromPrincipal(context.User) switch
        {
            { KeyId: { } key } => "key:" + key,
            { } actor => "user:" + actor.Id,
            null => "address:" + context.Connection.RemoteIpAddress,
        };
    }

    private static RateLimitPartition<string> Bucket(HttpContext context, RateLimitSettings settings, string policy, BucketSettings bucket)
    {
        if (!settings.Enabled)
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var local = context.RequestServices.GetService<AuthModeResolver>() is not { Mode: AuthMode.Required };
        var scaled = local ? bucket.Times(settings.LocalFactor) : bucket;
        return RateLimitPartition.GetTokenBucketLimiter(policy + "|" + PartitionKey(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = scaled.Burst,
            // One token every 60/PerMinute seconds, refilled smoothly rather than in one lump per minute.
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / scaled.PerMinute,
            QueueLimit = 0,
        });
    }

    /// <summary>429 problem details with Retry-After: whole seconds (RFC 9110 section 10.2.3), rounded up, at least 1.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var wait = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = wait;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests",
            Detail = $"You have sent more requests of this kind than the desk's rate limit allows; try again in {wait} second{(seconds == 1 ? "" : "s")}.",
        };
        problem.Extensions["retry_after"] = seconds;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem }))
        {
            // Declined when Accept rules out JSON (an SSE client asks for text/event-stream): still a problem document.
            await context.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        }
    }
}
