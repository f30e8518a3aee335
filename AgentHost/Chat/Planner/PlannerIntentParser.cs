using System.Globalization;
using System.Text.RegularExpressions;
using AgentHost.Tools;
using Keys = TicketApi.Querying.TicketQueryParameters.Keys;

namespace AgentHost.Chat.Planner;

/// <summary>
/// The offline planner's understanding: a fixed, ordered set of rules from plain English to ticket tool
/// calls. Deterministic (same words, same calls), and honest about what it does not understand.
/// Order matters: creating and editing come first because their free text may contain any other keyword.
/// </summary>
public static partial class PlannerIntentParser
{
    private const int MaxTitleLength = 80;

    public static PlannerPlan Parse(string message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var original = message.Trim();
        var text = Normalize(original);

        if (text.Length == 0 || Help().IsMatch(text))
        {
            return PlannerPlan.Answer(PlannerReplies.Help);
        }

        if (Identity().IsMatch(text))
        {
            return PlannerPlan.Answer(PlannerReplies.Identity);
        }

        if (Greeting().IsMatch(text))
        {
            return PlannerPlan.Answer("Hello! " + PlannerReplies.Help);
        }

        if (Yes().IsMatch(text))
        {
            return new PlannerPlan(PlanKind.Confirm, []);
        }

        if (No().IsMatch(text))
        {
            return new PlannerPlan(PlanKind.Deny, []);
        }

        if (TryCreate(original, out var create))
        {
            return create;
        }

        if (TryEdit(original, out var edit))
        {
            return edit;
        }

        var ids = Ids(text);
        if (Delete().IsMatch(text))
        {
            return ids.Count == 1
                ? new PlannerPlan(PlanKind.DeleteRequest, [Call(TicketToolCatalogue.GetTicket, ("id", ids[0]))], TicketId: ids[0])
                : PlannerPlan.Answer("Which ticket should I delete? Name one ticket id, e.g. \"delete ticket 12\". I delete one ticket at a time, after you confirm.");
        }

        var target = StatusChange(text);
        if (target is not null && ids.Count > 0)
        {
            // Several ids ("resolve 5 and 7") become parallel calls.
            return new PlannerPlan(PlanKind.Calls,
                ids.Select(id => new PlannedCall(TicketToolCatalogue.SetTicketStatus, Args(("id", id), ("status", target)))).ToList());
        }

        if (HowMany().IsMatch(text))
        {
            return PlannerPlan.Call(TicketToolCatalogue.CountTickets, Filters(text, original, now, forCount: true));
        }

        if (target is not null && !LooksLikeList(text))
        {
            return PlannerPlan.Answer($"Which ticket should I set to {target}? Give its id, e.g. \"{Verb(target)} ticket 12\".");
        }

        if (ids.Count == 1 && LooksLikeGet(text))
        {
            return PlannerPlan.Call(TicketToolCatalogue.GetTicket, Args(("id", ids[0])));
        }

        if (LooksLikeList(text) || ids.Count > 1)
        {
            var filters = Filters(text, original, now, forCount: false);
            if (ids.Count > 1)
            {
                filters[Keys.IdIn] = ids.ToArray();
            }

            return PlannerPlan.Call(TicketToolCatalogue.ListTickets, filters);
        }

        return PlannerPlan.Answer(PlannerReplies.NotUnderstood(original));
    }

    private static bool TryCreate(string original, out PlannerPlan plan)
    {
        plan = null!;
        var m = Create().Match(original);
        if (!m.Success)
        {
            return false;
        }

        var body = m.Groups["body"].Value.Trim().Trim('"', '\'', '“', '”').Trim();
        if (body.Length == 0)
        {
            plan = PlannerPlan.Answer("What is the problem? Say it in one go, e.g. \"open a ticket: printer on floor 3 jams, it has been broken since Monday\".");
            return true;
        }

        var (title, description) = TitleAndDescription(body);
        plan = PlannerPlan.Call(TicketToolCatalogue.CreateTicket, Args(("title", title), ("description", description)));
        return true;
    }

    /// <summary>
    /// A sensible title is the first clause ("printer on floor 3 jams"), capitalised and short; the
    /// description keeps everything that was said, as a sentence.
    /// </summary>
    internal static (string Title, string Description) TitleAndDescription(string body)
    {
        var clause = ClauseEnd().Split(body, 2)[0].Trim().TrimEnd('.', '!', '?', ':', ';', ',');
        if (clause.Length > MaxTitleLength)
        {
            var cut = clause.LastIndexOf(' ', MaxTitleLength);
            clause = clause[..(cut > 20 ? cut : MaxTitleLength)].TrimEnd(',', ';', ' ');
        }

        var title = Capitalize(LeadingArticle().Replace(clause, ""));
        var description = Capitalize(body.Trim());
        if (!description.EndsWith('.') && !description.EndsWith('!') && !description.EndsWith('?'))
        {
            description += ".";
        }

        return (title, description);
    }

    private static bool TryEdit(string original, out PlannerPlan plan)
    {
        plan = null!;
        var rename = Rename().Match(original);
        if (rename.Success)
        {
            var title = rename.Groups["text"].Value.Trim().Trim('"', '\'', '“', '”').TrimEnd('.').Trim();
            plan = PlannerPlan.Call(TicketToolCatalogue.UpdateTicket, Args(("id", Id(rename)), ("title", title)));
            return true;
        }

        var describe = Describe().Match(original);
        if (describe.Success)
        {
            var description = describe.Groups["text"].Value.Trim().Trim('"', '\'', '“', '”').Trim();
            plan = PlannerPlan.Call(TicketToolCatalogue.UpdateTicket, Args(("id", Id(describe)), ("description", description)));
            return true;
        }

        return false;
    }

    private static Dictionary<string, object?> Filters(string text, string original, DateTimeOffset now, bool forCount)
    {
        var args = new Dictionary<string, object?>(StringComparer.Ordinal);
        var statuses = Statuses(text);
        if (statuses.Count == 1)
        {
            args[Keys.Status] = statuses[0];
        }
        else if (statuses.Count > 1 && !forCount)
        {
            args[Keys.StatusIn] = statuses.ToArray();
        }

        var titleTerm = TitleTerm().Match(original);
        if (titleTerm.Success)
        {
            args[Keys.TitleContains] = CleanTerm(titleTerm.Groups["term"].Value);
        }
        else if (SearchTerm(original) is { } term)
        {
            args[Keys.Search] = term;
        }

        if (PlannerDates.Parse(text, now) is { } range)
        {
            var updated = Updated().IsMatch(text);
            if (range.From is { } from)
            {
                args[updated ? Keys.UpdatedFrom : Keys.CreatedFrom] = PlannerDates.Format(from);
            }

            if (range.To is { } to)
            {
                args[updated ? Keys.UpdatedTo : Keys.CreatedTo] = PlannerDates.Format(to);
            }
        }

        if (!forCount)
        {
            var top = Top().Match(text);
            if (top.Success)
            {
                args[Keys.PageSize] = Math.Clamp(int.Parse(top.Groups["n"].Value, CultureInfo.InvariantCulture), 1, TicketApi.Querying.TicketQuery.MaxPageSize);
            }

            if (Oldest().IsMatch(text))
            {
                args[Keys.Ordering] = "created";
            }

            var page = PageNumber().Match(text);
            if (page.Success)
            {
                args[Keys.Page] = int.Parse(page.Groups["n"].Value, CultureInfo.InvariantCulture);
            }
        }

        return args;
    }

    private static string? SearchTerm(string original)
    {
        var text = original.Trim().TrimEnd('?', '!', '.');
        var m = About().Match(text);
        if (!m.Success)
        {
            m = SearchFor().Match(text);
        }

        if (!m.Success)
        {
            m = AdjectiveTickets().Match(text);
            if (m.Success && NotATopic().IsMatch(m.Groups["term"].Value))
            {
                return null;
            }
        }

        if (!m.Success)
        {
            return null;
        }

        var term = CleanTerm(m.Groups["term"].Value);
        return term.Length == 0 ? null : term;
    }

    private static string CleanTerm(string term)
    {
        term = TrailingQualifier().Replace(term.Trim(), "");
        term = LeadingArticle().Replace(term.Trim().Trim('"', '\'', '“', '”', '?', '.', '!').Trim(), "");
        return term.Trim();
    }

    private static List<string> Statuses(string text)
    {
        var result = new List<string>();
        var withoutVerbs = CreateOrSearchWords().Replace(text, " ");
        if (OpenWords().IsMatch(withoutVerbs))
        {
            result.Add("OPEN");
        }

        if (ResolvedWords().IsMatch(text))
        {
            result.Add("RESOLVED");
        }

        if (ClosedWords().IsMatch(text))
        {
            result.Add("CLOSED");
        }

        return result;
    }

    private static string? StatusChange(string text)
    {
        if (Reopen().IsMatch(text))
        {
            return "OPEN";
        }

        if (CloseVerb().IsMatch(text))
        {
            return "CLOSED";
        }

        return ResolveVerb().IsMatch(text) ? "RESOLVED" : null;
    }

    private static string Verb(string status) => status switch
    {
        "OPEN" => "reopen",
        "CLOSED" => "close",
        _ => "resolve",
    };

    private static bool LooksLikeGet(string text) =>
        GetWords().IsMatch(text) || BareId().IsMatch(text);

    /// <summary>A list question names tickets or a status, or asks (what/show/find...) about a topic or a period.</summary>
    private static bool LooksLikeList(string text) =>
        TicketWords().IsMatch(text)
        || (ListWords().IsMatch(text) && (PlannerDates.Parse(text, DateTimeOffset.UnixEpoch) is not null || SearchTerm(text) is not null));

    /// <summary>Ticket ids in the text: "#12", "ticket 12", "12" — but not the digits of dates, counts of days or floors.</summary>
    private static List<long> Ids(string text)
    {
        var cleaned = NotIds().Replace(text, " ");
        return IdToken().Matches(cleaned)
            .Select(m => long.TryParse(m.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .Distinct()
            .ToList();
    }

    private static long Id(Match m) => long.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture);

    private static PlannedCall Call(string tool, params (string Name, object? Value)[] args) => new(tool, Args(args));

    private static Dictionary<string, object?> Args(params (string Name, object? Value)[] args) =>
        args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);

    private static string Normalize(string text)
    {
        var lower = text.ToLowerInvariant().Replace('’', '\'').Replace("what's", "what is", StringComparison.Ordinal)
            .Replace("whats ", "what is ", StringComparison.Ordinal);
        return Spaces().Replace(lower, " ").Trim().TrimEnd('?', '!', '.').Trim();
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // ---- the rules -------------------------------------------------------------------------------------

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(help|\?|commands|what can you do|what do you do|how do (i|you) use (this|you)|what can i (ask|say)|options|menu)$")]
    private static partial Regex Help();

    [GeneratedRegex(@"\b(who|what) are you\b|\bare you (an? )?(ai|bot|robot|human|llm|gpt|chatgpt|language model|model)\b|\bwhich model\b|\bwhat model\b")]
    private static partial Regex Identity();

    [GeneratedRegex(@"^(hi|hello|hey|good (morning|afternoon|evening)|howdy)( there)?$")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(y|yes|yep|yeah|yup|sure|ok|okay|confirm|confirmed|i confirm|do it|go ahead|please do|delete it|yes,? delete( it)?|yes,? please( delete it)?|yes,? do it|yes,? i am sure|i'm sure|i am sure)$")]
    private static partial Regex Yes();

    [GeneratedRegex(@"^(n|no|nope|cancel|stop|don't|do not|never ?mind|keep it|no,? (keep it|don't|do not|cancel))$")]
    private static partial Regex No();

    [GeneratedRegex(@"^(?:please\s+|can you\s+|could you\s+|i want to\s+|i'd like to\s+|i need to\s+|let's\s+)?(?:(?:open|start)\s+(?:(?:a|an|new)\s+(?:new\s+)?(?:support\s+)?(?:ticket|issue|incident|bug|problem|request)\b(?!s)|ticket\s*:)|(?:create|file|raise|log|submit|add|make|new)\s+(?:up\s+)?(?:a\s+|an\s+)?(?:new\s+)?(?:support\s+)?(?:ticket|issue|incident|bug|problem|request)\b(?!s))(?:\s+(?:about|for|regarding|saying|that says|that|because|re|on))?\s*[:\-–,]?\s*(?<body>.*)$|^(?:please\s+|i need to\s+|i want to\s+|i'd like to\s+)?report\s+(?:a\s+problem\s*:?\s*|an\s+issue\s*:?\s*|that\s+)?(?<body>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Create();

    [GeneratedRegex(@"(?:,|;|\.\s|\s-\s|\s–\s|\s+(?:and it|it has|it's|it is|which|since|because|but)\b)")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"^(?:please\s+)?(?:rename|retitle)\s+(?:ticket\s+|issue\s+)?#?(?<id>\d+)\s+(?:to|as)\s*:?\s*(?<text>.+)$|^(?:please\s+)?(?:change|set|update|make)\s+(?:the\s+)?title\s+of\s+(?:ticket\s+)?#?(?<id>\d+)\s+(?:to|:)\s*(?<text>.+)$|^(?:please\s+)?(?:change|set|update)\s+(?:ticket\s+)?#?(?<id>\d+)(?:'s)?\s+title\s+(?:to|:)\s*(?<text>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Rename();

    [GeneratedRegex(@"^(?:please\s+)?(?:change|set|update|replace)\s+(?:the\s+)?description\s+of\s+(?:ticket\s+)?#?(?<id>\d+)\s+(?:to|with|:)\s*(?<text>.+)$|^(?:please\s+)?(?:change|set|update)\s+(?:ticket\s+)?#?(?<id>\d+)(?:'s)?\s+description\s+(?:to|:)\s*(?<text>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Describe();

    [GeneratedRegex(@"\b(delete|remove|erase|destroy|purge|get rid of|trash)\b")]
    private static partial Regex Delete();

    [GeneratedRegex(@"\b(re-?open(ed)?|unresolve|open\s+(?:ticket\s+|it\s+)?#?\d+\s+again|(set|mark|move|change|put|switch)\b.*\b(to|as|back to)\s+open)\b")]
    private static partial Regex Reopen();

    [GeneratedRegex(@"\b(close|shut)\b|\b(set|mark|move|change|put|switch)\b.*\b(to|as)\s+closed\b|\bmark\s+(?:ticket\s+)?#?\d+\s+closed\b")]
    private static partial Regex CloseVerb();

    [GeneratedRegex(@"\b(resolve|fix|solve)\b|\b(set|mark|move|change|put|switch)\b.*\b(to|as)\s+(resolved|fixed|solved|done)\b|\b#?\d+\s+(is|was)\s+(resolved|fixed|solved|done)\b|\bmark\s+(?:ticket\s+)?#?\d+\s+(resolved|fixed|solved|done)\b")]
    private static partial Regex ResolveVerb();

    [GeneratedRegex(@"\b(how many|count|number of|total)\b")]
    private static partial Regex HowMany();

    [GeneratedRegex(@"\b(show|get|view|display|see|look up|lookup|open|details?|status|info|information|about|tell me|what is|what about|describe|fetch|check|read)\b|#\d+|\bticket\s+\d+|^(is|was|has|did|does)\b")]
    private static partial Regex GetWords();

    [GeneratedRegex(@"^(?:ticket\s+|#)?\d+$")]
    private static partial Regex BareId();

    [GeneratedRegex(@"\b(list|show|what|which|find|search|any|anything|display|give|get|see|came|created|updated|changed|new)\b")]
    private static partial Regex ListWords();

    [GeneratedRegex(@"\b(tickets?|issues|anything|everything|ones|open|resolved|closed|unresolved|outstanding|pending|active|unsolved|recent|latest|newest|oldest)\b")]
    private static partial Regex TicketWords();

    [GeneratedRegex(@"^(?:the|a|an)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();

    [GeneratedRegex(@"\b\d{4}[-/]\d{1,2}[-/]\d{1,2}\b|\b(last|past|next)\s+\d+\s+\w+|\b(floor|room|building|page|top|latest|newest|last|first)\s+\d+\b|\b\d+\s+(latest|newest|most recent|recent)\b|\b\d+\s+(days?|weeks?|hours?|months?|years?|tickets|minutes?)\b|\b\d{1,2}\s+[a-z]+\s+\d{4}\b|\b[a-z]+\s+\d{1,2},?\s+\d{4}\b")]
    private static partial Regex NotIds();

    [GeneratedRegex(@"(?:#|\b)(?<id>\d{1,12})\b")]
    private static partial Regex IdToken();

    [GeneratedRegex(@"\b(open|unresolved|outstanding|pending|active|unsolved)\b")]
    private static partial Regex OpenWords();

    [GeneratedRegex(@"\b(resolved|fixed|solved)\b")]
    private static partial Regex ResolvedWords();

    [GeneratedRegex(@"\b(closed|finished|archived)\b")]
    private static partial Regex ClosedWords();

    [GeneratedRegex(@"\b(open|create|file|raise)\s+(a|an|new)\b")]
    private static partial Regex CreateOrSearchWords();

    [GeneratedRegex(@"\b(updated|changed|modified|touched|edited)\b")]
    private static partial Regex Updated();

    [GeneratedRegex(@"\b(?:with|having)\s+(?<term>.+?)\s+in\s+(?:the\s+|their\s+|its\s+)?title\b|\b(?:titled|called|named)\s+(?<term>.+?)(?=\s+(?:created|updated|since|after|before|from|that|which)\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex TitleTerm();

    [GeneratedRegex(@"\b(?:about|mentioning|mention|regarding|concerning|related to|relating to|containing|matching|referencing|re:|involving|on the subject of|that mention|which mention)\s+(?<term>.+?)(?=\s+(?:created|updated|changed|opened|since|after|before|from|this|last|in the last|in the past|during|that are|which are|that were|which were)\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex About();

    [GeneratedRegex(@"^(?:please\s+)?(?:search|look|find|grep)\s+(?:(?:through\s+)?(?:the\s+|all\s+)?(?:tickets|issues)\s+for\s+|for\s+|up\s+)?(?!(?:all\s+|the\s+|my\s+)?(?:tickets|issues|open|closed|resolved)\b)(?<term>.+?)(?:\s+(?:tickets?|issues?))?(?=\s+(?:created|updated|since|after|before|from|this|last|in the)\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SearchFor();

    [GeneratedRegex(@"\b(?:show|list|find|get|any|see)\s+(?:me\s+)?(?:all\s+|the\s+|any\s+)?(?<term>[\w-]+)\s+(?:tickets|issues|problems)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AdjectiveTickets();

    [GeneratedRegex(@"^(me|us|all|the|my|open|closed|resolved|new|newest|latest|recent|old|oldest|unresolved|outstanding|pending|active|other|more|some|any|those|these|\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotATopic();

    [GeneratedRegex(@"\s+(?:tickets?|issues?|problems?)$|\s+(?:please)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingQualifier();

    [GeneratedRegex(@"\b(?:latest|newest|last|recent|top|first)\s+(?<n>\d{1,3})\b(?!\s+(?:days?|weeks?|hours?|months?))|\b(?<n>\d{1,3})\s+(?:latest|newest|most recent|recent)\b")]
    private static partial Regex Top();

    [GeneratedRegex(@"\b(oldest|earliest)\b")]
    private static partial Regex Oldest();

    [GeneratedRegex(@"\bpage\s+(?<n>\d{1,4})\b")]
    private static partial Regex PageNumber();
}
