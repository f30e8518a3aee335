using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentHost.Chat.Planner.Language;

/// <summary>
/// Finds the ticket ids a clause names, and only those: "#12", "ticket 12", "tickets 30, 31 and 32", "close 12",
/// "note to 12", a bare "15". A number is not an id when what surrounds it says what it counts or labels: "floor 12",
/// "model 5530", "order 4411", "asset tag 3381", "error 50", "3 days", "80 people", "the 3 oldest", "top 5", dates
/// and times. A number with no such word and no command before it (a problem described in a person's words) is not
/// an id either.
/// </summary>
public static partial class TicketIds
{
    // Words after which a number names a ticket.
    private static readonly HashSet<string> Pointers = new(StringComparer.Ordinal)
    {
        "ticket", "tickets", "tkt", "tix", "id", "ids", "nuke", "scrap", "wipe", "destroy", "number", "no", "nr", "case", "incident", "issue", "request",
        "close", "resolve", "reopen", "open", "show", "get", "view", "display", "fetch", "see", "check", "delete", "remove",
        "update", "edit", "rename", "retitle", "triage", "retriage", "escalate", "deescalate", "move", "mark", "set", "make",
        "put", "assign", "unassign", "reassign", "reply", "note", "answer", "change", "lower", "raise", "bump", "downgrade", "upgrade", "classify", "flag", "about", "on", "of", "to", "for", "in", "with", "and", "or", "up", "is",
        "was", "did", "does", "has", "tell", "describe", "status", "details", "detail", "info", "re", "trash", "purge", "erase",
        "drop", "kill", "solve", "fix", "fixed", "finish", "complete", "done", "prioritise", "prioritize", "reported", "opened",
        "created", "filed", "raised", "logged", "conversation", "thread", "messages", "history", "look", "at", "into", "from",
        "but", "not", "meant", "mean", "wait", "actually", "sorry", "instead", "rather", "also", "then", "plus", "both", "&",
        "except", "excluding", "besides", "without", "skip", "leave", "apart", "than",
    };

    // Words before a number that make it something other than a ticket id.
    private static readonly HashSet<string> Labels = new(StringComparer.Ordinal)
    {
        "floor", "floors", "room", "rooms", "model", "order", "orders", "asset", "tag", "serial", "sn", "version", "v",
        "error", "code", "codes", "page", "building", "desk", "ext", "extension", "port", "invoice", "invoices", "line",
        "level", "suite", "flat", "apartment", "office", "gate", "step", "option", "windows", "iphone", "galaxy", "pixel",
        "top", "first", "last", "latest", "newest", "oldest", "recent", "earliest", "past", "next", "build", "release",
        "account", "phone", "mobile", "tel", "pin", "seat", "bay", "dock", "laptop", "monitor", "printer", "unit", "item",
        "sku", "ref", "reference", "po", "receipt", "transaction", "card", "ending", "kb", "ip", "vlan", "channel", "ch",
        "size", "team", "group", "zone", "area", "lab", "block", "wing", "house", "hall", "lane", "street", "road",
    };

    // Words after a number that say what it counts.
    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "day", "days", "week", "weeks", "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "second", "seconds",
        "month", "months", "year", "years", "people", "persons", "person", "users", "user", "colleagues", "staff", "employees",
        "times", "time", "gb", "mb", "tb", "kb", "percent", "am", "pm", "pages", "euros", "euro", "dollars", "eur", "usd",
        "pounds", "gbp", "items", "oldest", "newest", "latest", "most", "recent", "earliest", "newer", "older", "of",
        "more", "other", "others", "devices", "laptops", "machines", "computers", "screens", "monitors", "printers", "seats",
        "licences", "licenses", "accounts", "mailboxes", "emails", "mails", "messages", "calls", "attempts", "tries", "inch",
        "th", "st", "nd", "rd", "x", "floor", "floors", "o'clock", "sec", "ms", "k", "kg", "km", "meters", "metres", "feet",
    };

    /// <summary>The ids named in <paramref name="text"/> (normalised), in order, without repeats.</summary>
    public static IReadOnlyList<long> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Bare().Match(text) is { Success: true } bare)
        {
            return [Parse(bare.Groups["n"].Value)];
        }

        if (Arithmetic().IsMatch(text))
        {
            return []; // "what's 17% of 2340" is sums, not tickets
        }

        var ids = new List<long>();
        var lastIdEnd = -1;
        foreach (Match m in Number().Matches(text))
        {
            var before = text[..m.Index];
            var after = text[(m.Index + m.Length)..];
            if (InsideDateOrTime(before, after))
            {
                continue;
            }

            var previous = PreviousWord(before);
            var next = NextWord(after);
            var hash = m.Groups["hash"].Success;
            var continuesList = lastIdEnd >= 0 && ListGlue().IsMatch(text[lastIdEnd..m.Index]);
            var isId = hash
                       || continuesList
                       || (!Labels.Contains(previous) && !Units.Contains(next) && Pointers.Contains(previous));
            if (isId && !(Labels.Contains(previous) && !hash && !continuesList))
            {
                ids.Add(Parse(m.Groups["n"].Value));
                lastIdEnd = m.Index + m.Length;
            }
        }

        return ids.Distinct().ToList();
    }

    private static bool InsideDateOrTime(string before, string after) =>
        (before.Length > 0 && before[^1] is '-' or '/' or ':' or '.' or '$' or '£' or '€' or ',' && before.Length > 1 && char.IsDigit(before[^2]))
        || (after.Length > 1 && after[0] is '-' or '/' or ':' or '.' or '%' && char.IsDigit(after[1]))
        || (after.Length > 0 && after[0] == '%');

    private static string PreviousWord(string before)
    {
        var m = LastWord().Match(before);
        return m.Success ? m.Groups["w"].Value : "";
    }

    private static string NextWord(string after)
    {
        var m = FirstWord().Match(after);
        return m.Success ? m.Groups["w"].Value : "";
    }

    private static long Parse(string digits) => long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d\s*(?:%|percent\b|times\b|plus\b|minus\b|divided\b|multiplied\b|[*/+x]\s*\d)")]
    private static partial Regex Arithmetic();

    [GeneratedRegex(@"^\s*(?:ticket\s*|#)?(?<n>\d{1,9})\s*[?.!]*\s*$")]
    private static partial Regex Bare();

    [GeneratedRegex(@"(?<hash>#\s?)?(?<![\w.])(?<n>\d{1,9})(?![\w])")]
    private static partial Regex Number();

    [GeneratedRegex(@"^[\s,]*(?:,|and|or|&|\+|to|through)?[\s,]*(?:and\s+)?(?:ticket\s+|#)?$")]
    private static partial Regex ListGlue();

    [GeneratedRegex(@"(?<w>[a-z&]+)[^a-z&\d]*$")]
    private static partial Regex LastWord();

    [GeneratedRegex(@"^[\s]*(?<w>[a-z%'&]+)")]
    private static partial Regex FirstWord();
}
