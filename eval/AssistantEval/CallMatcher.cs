using System.Globalization;
using System.Text.Json;
using AgentHost.Tools;

namespace AssistantEval;

/// <summary>
/// Compares the calls made with the expected ones, as eval/README.md says they are meant to be compared:
/// only listed arguments matter (list/count: an unlisted narrowing filter is a mismatch; page, and ordering and
/// page_size at their defaults, are free); X and [X] are the same filter; lists compare as sets; labels, statuses
/// and search text case-insensitively; dates as instants (a bare date on __lte: any time that day); a get_ticket
/// read before a write is ignored; several update_ticket calls on one ticket in a row are one call.
/// </summary>
internal static class CallMatcher
{
    private static readonly HashSet<string> ListTools = [TicketToolCatalogue.ListTickets, TicketToolCatalogue.CountTickets];
    private static readonly string[] LabelKeys = ["resolution_status", "priority", "category", "sentiment"];
    private static readonly HashSet<string> WriteTools =
        ["create_ticket", "update_ticket", "set_ticket_status", "delete_ticket", "add_message", "triage_ticket"];

    public static bool IsWrite(string tool) => WriteTools.Contains(tool);

    /// <summary>Null when the calls match, else why not (for --show-failures).</summary>
    public static string? Mismatch(IReadOnlyList<ExpectedCall> expected, IReadOnlyList<MadeCall> made)
    {
        var actual = Normalise(made.Select(c => (c.Tool, c.Args)), expected.Any(e => e.Tool == TicketToolCatalogue.GetTicket && IsFollowedByWrite(expected, e)));
        var wanted = Normalise(expected.Select(e => (e.Tool, e.Args)), keepReads: true);
        if (actual.Count != wanted.Count || !actual.Select(a => a.Tool).SequenceEqual(wanted.Select(w => w.Tool)))
        {
            return $"tools {string.Join(",", actual.Select(a => a.Tool))} instead of {string.Join(",", wanted.Select(w => w.Tool))}";
        }

        for (var i = 0; i < wanted.Count; i++)
        {
            if (ArgumentMismatch(wanted[i].Tool, wanted[i].Args, actual[i].Args) is { } why)
            {
                return $"call {i + 1} ({wanted[i].Tool}): {why}";
            }
        }

        return null;
    }

    private static bool IsFollowedByWrite(IReadOnlyList<ExpectedCall> expected, ExpectedCall read) =>
        expected.SkipWhile(e => !ReferenceEquals(e, read)).Skip(1).Any(e => IsWrite(e.Tool));

    private static List<(string Tool, Dictionary<string, JsonElement> Args)> Normalise(
        IEnumerable<(string Tool, IReadOnlyDictionary<string, JsonElement> Args)> calls, bool keepReads)
    {
        var list = calls.Select(c => (c.Tool, Args: c.Args.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal))).ToList();
        var result = new List<(string Tool, Dictionary<string, JsonElement> Args)>();
        for (var i = 0; i < list.Count; i++)
        {
            var (tool, args) = list[i];
            if (!keepReads && tool == TicketToolCatalogue.GetTicket
                && list.Skip(i + 1).Any(later => IsWrite(later.Tool) && SameTicket(args, later.Args)))
            {
                continue;
            }

            if (tool == TicketToolCatalogue.UpdateTicket && result.Count > 0 && result[^1].Tool == tool && SameTicket(result[^1].Args, args))
            {
                foreach (var (key, value) in args)
                {
                    result[^1].Args[key] = value;
                }

                continue;
            }

            result.Add((tool, args));
        }

        return result;
    }

    private static bool SameTicket(Dictionary<string, JsonElement> a, Dictionary<string, JsonElement> b) =>
        TicketId(a) is { } x && TicketId(b) is { } y && x == y;

    private static long? TicketId(Dictionary<string, JsonElement> args) =>
        (args.TryGetValue("id", out var id) || args.TryGetValue("ticket_id", out id)) && AsLong(id) is { } n ? n : null;

    private static string? ArgumentMismatch(string tool, Dictionary<string, JsonElement> expected, Dictionary<string, JsonElement> actual)
    {
        var want = Canonical(expected);
        var have = Canonical(actual);
        foreach (var (key, value) in want)
        {
            if (!have.TryGetValue(key, out var got))
            {
                return $"{key} missing (expected {value})";
            }

            if (!Same(key, value, got))
            {
                return $"{key} is {got} (expected {value})";
            }
        }

        if (ListTools.Contains(tool))
        {
            foreach (var (key, value) in have)
            {
                if (want.ContainsKey(key) || IsFree(key, value))
                {
                    continue;
                }

                return $"unexpected filter {key}={value}";
            }
        }

        return null;
    }

    private static bool IsFree(string key, JsonElement value) => key switch
    {
        "page" => true,
        "ordering" => value.ValueKind == JsonValueKind.String && value.GetString() == "-created",
        "page_size" => AsLong(value) == 20,
        _ => value.ValueKind == JsonValueKind.Null,
    };

    /// <summary>X becomes [X] for the label filters, so both spellings compare equal.</summary>
    private static Dictionary<string, JsonElement> Canonical(Dictionary<string, JsonElement> args)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in args)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            result[LabelKeys.Contains(key) ? key + "__in" : key] =
                LabelKeys.Contains(key) ? JsonSerializer.SerializeToElement(new[] { value }) : value;
        }

        return result;
    }

    private static bool Same(string key, JsonElement want, JsonElement have)
    {
        if (want.ValueKind == JsonValueKind.Array || have.ValueKind == JsonValueKind.Array)
        {
            var a = Items(want).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var b = Items(have).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return a.SetEquals(b);
        }

        if (AsLong(want) is { } n)
        {
            return AsLong(have) == n;
        }

        var wanted = want.ValueKind == JsonValueKind.String ? want.GetString()!.Trim() : want.GetRawText();
        var got = have.ValueKind == JsonValueKind.String ? have.GetString()!.Trim() : have.GetRawText();
        if (key.StartsWith("created__", StringComparison.Ordinal) || key.StartsWith("updated__", StringComparison.Ordinal))
        {
            return SameInstant(key, wanted, got);
        }

        return string.Equals(wanted, got, StringComparison.OrdinalIgnoreCase);
    }

    private static bool SameInstant(string key, string wanted, string got)
    {
        if (!TryInstant(wanted, out var w, out var bareDate) || !TryInstant(got, out var g, out _))
        {
            return string.Equals(wanted, got, StringComparison.OrdinalIgnoreCase);
        }

        // A bare date on __lte includes that whole day (docs/tools.md).
        return bareDate && key.EndsWith("__lte", StringComparison.Ordinal) ? g >= w && g < w.AddDays(1) : g == w;
    }

    private static bool TryInstant(string text, out DateTimeOffset value, out bool bareDate)
    {
        bareDate = text.Length == 10;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    private static IEnumerable<string> Items(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Items),
        JsonValueKind.String => value.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => [value.GetRawText()],
    };

    private static long? AsLong(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };
}
