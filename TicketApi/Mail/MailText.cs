using System.Globalization;
using TicketApi.Data;

namespace TicketApi.Mail;

/// <summary>The words of the mail the desk writes itself: the subject line and the resolved/closed notices (plain text).</summary>
public static class MailText
{
    /// <summary><c>[#12] Email outage</c>: the id in brackets lets a requester's answer find its ticket.</summary>
    public static string Subject(TicketEntity ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return string.Create(CultureInfo.InvariantCulture, $"[#{ticket.Id}] {OneLine(ticket.Title)}");
    }

    /// <param name="ratingLink">The requester's signed link to rate the help (docs/accounts.md, "Satisfaction"), or null for none.</param>
    public static string ResolvedNotice(TicketEntity ticket, string? ratingLink = null) =>
        $"""
        {Greeting(ticket)}

        Your request "{OneLine(ticket.Title)}" (ticket #{Id(ticket)}) has been resolved.

        If the problem is not solved for you, reply to this email and tell us what still goes wrong.
        {(ratingLink is null ? "" : $"\nHow did we do? Rate our help (1-5) here: {ratingLink}\n")}
        The help desk
        """.ReplaceLineEndings("\n");

    public static string ClosedNotice(TicketEntity ticket) =>
        $"""
        {Greeting(ticket)}

        Your request "{OneLine(ticket.Title)}" (ticket #{Id(ticket)}) is now closed.

        If you need help with this again, please open a new request.

        The help desk
        """.ReplaceLineEndings("\n");

    private static string Greeting(TicketEntity ticket) =>
        string.IsNullOrWhiteSpace(ticket.RequesterName) ? "Hello," : $"Hello {OneLine(ticket.RequesterName)},";

    private static string Id(TicketEntity ticket) => ticket.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A header holds one line: line breaks in a title would end it (header injection).</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
