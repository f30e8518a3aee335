namespace TicketApi.ModelTriage;

/// <summary>
/// The label guidelines the model is given: the text of docs/triage-labels.md, "Label guidelines", word for
/// word (a test compares them), so the model is asked for exactly what the evaluation sets call correct.
/// Compiled in rather than read from docs/ so the service needs no documentation file at run time.
/// </summary>
public static class TriageGuidelines
{
    public const string Text = """
        Category: what the problem is about, whatever the requester's tone.
        - `ACCOUNT`: signing in, passwords, MFA/2FA codes, lockouts, access rights and permissions to any
          system, new accounts and leavers. Signing-in problems win over the system they happen in ("can't log
          in to Outlook" is ACCOUNT).
        - `NETWORK`: VPN, wifi, wired network, internet access, DNS, firewall, slow or dropped connections.
        - `EMAIL`: sending, receiving, mailboxes, shared mailboxes, distribution lists, spam, calendars and
          meeting invites, mail client sync.
        - `HARDWARE`: laptops, desktops, monitors, docks, printers and scanners, phones, peripherals, batteries,
          physical damage, new equipment.
        - `SOFTWARE`: installing, updating or licensing applications, crashes, errors and bugs in an
          application, operating system updates.
        - `BILLING`: payments, charges, invoices, receipts, refunds, subscriptions, pricing. A payment or
          checkout that fails is BILLING even when the cause is a software error.
        - `OTHER`: anything else: general questions, feedback, facilities, requests that fit none above.
        - Security incidents go to what is compromised: a phished or stolen password is ACCOUNT; malware or
          ransomware on a computer or file server is SOFTWARE.

        Priority: impact and urgency, not tone.
        - `URGENT`: an outage or a security incident hitting many people or a business-critical service now
          ("the whole office is offline", "checkout is down for all customers", "ransomware", "I clicked a
          phishing link and entered my password", "the server room is overheating"). One person's deadline
          alone never makes a ticket URGENT.
        - `HIGH`: one person fully blocked from working (cannot sign in at all, laptop will not boot) or
          unable to meet a deadline today, a wrong charge or money at stake for one customer, a physical safety
          hazard (a swelling battery), or an explicit "urgent/asap" backed by a real blocker.
        - `NORMAL`: something broken or degraded with a workaround, or a request needed in the next days.
        - `LOW`: questions, how-tos, feature wishes, cosmetic issues, "no rush", "whenever you have time".

        Sentiment: the requester's tone, not the severity of the problem. `NEGATIVE`: frustration, anger,
        complaint, sarcasm, worry or distress, threats to leave. `POSITIVE`: thanks, praise, a happy or warm
        tone beyond politeness. `NEUTRAL`: factual (even about a serious outage), or ordinary politeness
        ("please", "thanks in advance").
        """;
}
