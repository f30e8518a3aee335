namespace AssistantEval;

/// <summary>Plain helpdesk tickets, cycled to fill the seeded desk; their wording plays no part in the scoring.</summary>
internal static class SeedTickets
{
    public static readonly IReadOnlyList<(string Title, string Description)> Samples =
    [
        ("VPN drops every hour", "The VPN disconnects about once an hour and I have to sign in again."),
        ("Printer on floor 2 jams", "The printer jams on every print job since this morning."),
        ("Cannot sign in to the portal", "My password is rejected although I reset it yesterday."),
        ("Invoice shows wrong amount", "The October invoice charges us twice for the same licence."),
        ("Outlook will not sync", "New mail does not arrive in Outlook, webmail works."),
        ("Laptop battery swelling", "The battery of my laptop is bulging and the case is lifting."),
        ("Excel crashes on start", "Excel closes immediately after the update."),
        ("Request: new monitor", "Could I get a second monitor for my desk? No rush."),
        ("Wifi slow in meeting rooms", "Video calls stutter in the meeting rooms on floor 4."),
        ("Refund not received", "I returned the order three weeks ago and have no refund yet."),
        ("Shared mailbox missing", "The support shared mailbox disappeared from my Outlook."),
        ("Coffee machine broken", "The coffee machine on floor 3 leaks water."),
    ];
}
