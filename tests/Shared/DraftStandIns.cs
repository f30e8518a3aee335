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
        if (NeedsStandIn(services, typeof(IDraftWriter), typeof(UnavailableDraftWriter)))
        {
            services.AddSingleton<IDraftWriter, ScriptedDraftWriter>();
        }
        if (NeedsStandIn(services, typeof(IOutbox), typeof(UnavailableOutbox)))
        {
            services.AddSingleton<IOutbox, RecordingOutbox>();
        }
    }

    /// <summary>
    /// True when nothing serves <paramref name="service"/> or only the 503 stand-in does; a factory registration
    /// (how <c>AddDraftWriting</c> picks the offline or the model writer) is a real one.
    /// </summary>
    private static bool NeedsStandIn(IServiceCollection services, Type service, Type unavailable) =>
        services.LastOrDefault(d => d.ServiceType == service) is not { } last || last.ImplementationType == unavailable;
}
