using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketApi.Mail.Delivery;
using TicketApi.Mail.Http;
using TicketApi.Mail.OpenApi;

namespace TicketApi.Mail;

/// <summary>How the ticket service takes outbound mail on board (docs/mail.md).</summary>
public static class MailExtensions
{
    /// <summary>
    /// The settings (read and checked now: a wrong SMTP setting stops the start with its name), the outbox that
    /// stages mail, the commit signal,
    /// the sender and the OpenAPI description of <c>GET /api/outbox/</c>. The ticket context's options add
    /// <see cref="OutboxCommitSignal"/> as an interceptor, so commits that carry mail wake the sender.
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(MailSettings.FromConfiguration(configuration));
        services.TryAddSingleton<OutboxCommitSignal>();
        services.TryAddSingleton<IOutbox, Outbox>();
        services.AddScoped<OutboxStore>();
        services.AddHostedService<OutboxSender>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, OutboxJsonContext.Default));
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", options =>
        {
            options.AddDocumentTransformer<OutboxSchemas>();
            options.AddOperationTransformer<OutboxOperations>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapMail(this IEndpointRouteBuilder app)
    {
        app.MapOutboxEndpoints();
        return app;
    }
}
