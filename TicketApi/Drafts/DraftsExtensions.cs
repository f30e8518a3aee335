using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketApi.Drafts.Http;
using TicketApi.Drafts.OpenApi;
using TicketApi.Drafts.Storage;

namespace TicketApi.Drafts;

/// <summary>How the ticket service takes stored drafts and their approval on board (docs/drafts.md, "Drafts over REST").</summary>
public static class DraftsExtensions
{
    /// <summary>
    /// The draft store, the approval and the facade both faces use, with their JSON and OpenAPI description.
    /// The writer (<see cref="IDraftWriter"/>, from <c>AddDraftWriting</c>) and the outbox
    /// (<see cref="Mail.IOutbox"/>) are registered by their own features; where a host has none, stand-ins that
    /// answer 503 keep it starting (and its service validation passing). A feature's own registration wins
    /// whether it comes before this call (TryAdd skips) or after it (Add; the last registration is resolved).
    /// </summary>
    public static IServiceCollection AddDrafts(this IServiceCollection services)
    {
        services.TryAddSingleton<IDraftWriter, UnavailableDraftWriter>();
        services.TryAddSingleton<Mail.IOutbox, UnavailableOutbox>();
        services.AddScoped<DraftStore>();
        services.AddScoped<DraftSender>();
        services.AddScoped<TicketDrafts>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, DraftJsonContext.Default));
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", options =>
        {
            options.AddDocumentTransformer<DraftSchemas>();
            options.AddOperationTransformer<DraftOperations>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapDrafts(this IEndpointRouteBuilder app)
    {
        app.MapDraftEndpoints();
        return app;
    }
}
