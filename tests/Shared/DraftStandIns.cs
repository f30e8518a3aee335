using Microsoft.Extensions.DependencyInjection;
using TicketApi.Drafts;
using TicketApi.Mail;

namespace AgentTickets.Testing;

/// <summary>
/// Test hosts' drafting and mail where the host itself has none (those are features of their own, and a host
/// without them answers 503): a <see cref="ScriptedDraftWriter"/> and a <see cref="RecordingOutbox"/> take the
/// place of the 503 stand-ins <c>AddDrafts</c> registers, and never of a real writer or outbox.
/// </summary>
public static class DraftStandIns
{
    public static void ReplaceUnavailable(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (Resolved(services, typeof(IDraftWriter)) is null || Resolved(services, typeof(IDraftWriter)) == typeof(UnavailableDraftWriter))
        {
            services.AddSingleton<IDraftWriter, ScriptedDraftWriter>();
        }
        if (Resolved(services, typeof(IOutbox)) is null || Resolved(services, typeof(IOutbox)) == typeof(UnavailableOutbox))
        {
            services.AddSingleton<IOutbox, RecordingOutbox>();
        }
    }

    /// <summary>The implementation type the last registration of <paramref name="service"/> names (null when none, or a factory or instance).</summary>
    private static Type? Resolved(IServiceCollection services, Type service) =>
        services.LastOrDefault(d => d.ServiceType == service) is { } last ? last.ImplementationType ?? last.ImplementationInstance?.GetType() : null;
}
