using TicketApi.Accounts;
using TicketApi.Ai;
using TicketApi.Channels;
using TicketApi.Mail;

namespace AgentHost.Desk.Admin;

/// <summary>
/// How this desk is set up, for admins to see (docs/desk.md, "Admin"). The desk has no settings that may change while
/// it runs: each of these is read from the environment at start, so the page shows them and says where they are set.
/// Never a secret: the model's name and the mail server's name, not their keys or passwords.
/// </summary>
public sealed class DeskSetup(AuthModeResolver mode, AccountSettings accounts, ChatProviderSettings provider, MailSettings mail, ChannelStatusBoard channels)
{
    /// <summary>Each inbound channel's last poll, as <c>/health</c> shows it (docs/channels.md, "Status"); empty when none is configured.</summary>
    public IReadOnlyDictionary<string, ChannelStatus> Channels => channels.Snapshot();

    public string SignIn => mode.Mode == AuthMode.Required
        ? "Required: everyone signs in (AUTH_MODE, or listening beyond loopback)"
        : "Local: requests without credentials act as the local admin (listening on loopback only)";

    public string Registration => accounts.AllowRegistration
        ? "On: anyone may register as a requester (AUTH_ALLOW_REGISTRATION)"
        : "Off: only admins make people (AUTH_ALLOW_REGISTRATION=false)";

    public string Assistant => provider.Kind == ChatProviderKind.OfflinePlanner
        ? "Offline planner: no model is configured"
        : $"Model {provider.Model ?? "(default)"} through {provider.ProviderName}";

    public string Mail => mail.SendingEnabled
        ? $"Sent through {mail.Host} (SMTP_HOST)"
        : "Off: mail stays queued in the outbox (SMTP_HOST unset)";
}
