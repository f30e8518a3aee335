using System.Globalization;
using System.Text.RegularExpressions;
using Keys = TicketApi.Querying.TicketQueryParameters.Keys;

namespace AgentHost.Chat.Planner.Language;

/// <summary>
/// The list_tickets / count_tickets arguments a queue question asks for, named as in
/// <see cref="TicketApi.Querying.TicketQueryParameters"/>: labels (negation gives the complement: "not closed" is OPEN
/// and RESOLVED), a requester's address, a period, a topic to search for, an ordering and a page size.
/// </summary>
public static partial class QueryFilters
{
    public static Dictionary<string, object?> Read(string text, string original, DateTimeOffset now, bool forCount)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(original);
        var args = new Dictionary<string, object?>(StringComparer.Ordinal);

        // "most urgent first" orders; it does not filter on URGENT.
        var ordering = Ordering(text);
        var filterText = ByPriority().Replace(text, " ");

        Label(args, Keys.Status, Keys.StatusIn, LabelWords.Wanted(LabelWords.StatusesIn(WithoutCreateVerbs(filterText)), LabelWords.Statuses));
        Label(args, Keys.Priority, Keys.PriorityIn, LabelWords.Wanted(LabelWords.PrioritiesIn(filterText), LabelWords.Priorities));
        Label(args, Keys.Category, Keys.CategoryIn, LabelWords.Wanted(LabelWords.CategoriesIn(filterText), LabelWords.Categories));
        Label(args, Keys.Sentiment, Keys.SentimentIn, LabelWords.Wanted(LabelWords.SentimentsIn(filterText), LabelWords.Sentiments));

        if (Email().Match(original) is { Success: true } email)
        {
            args[Keys.RequesterEmail] = email.Value.ToLowerInvariant();
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

        if (TitleTerm().Match(text) is { Success: true } title)
        {
            args[Keys.TitleContains] = AsTyped(Quoted(title.Groups["term"].Value), original);
        }
        else if (DescriptionTerm().Match(text) is { Success: true } description)
        {
            args[Keys.DescriptionContains] = AsTyped(Quoted(description.Groups["term"].Value), original);
        }
        else if (SearchTerm(text) is { } term)
        {
            args[Keys.Search] = AsTyped(term, original);
        }

        if (!forCount)
        {
            if (ordering is not null)
            {
                args[Keys.Ordering] = ordering;
            }

            if (Top().Match(text) is { Success: true } top)
            {
                args[Keys.PageSize] = Math.Clamp(int.Parse(top.Groups["n"].Value, CultureInfo.InvariantCulture), 1, TicketApi.Querying.TicketQuery.MaxPageSize);
            }

            if (PageNumber().Match(text) is { Success: true } page)
            {
                args[Keys.Page] = int.Parse(page.Groups["n"].Value, CultureInfo.InvariantCulture);
            }
        }

        return args;
    }

    /// <summary>True when the text names any filter at all (a label, a period, a topic, an address).</summary>
    public static bool NamesAFilter(string text, string original, DateTimeOffset now) =>
        Read(text, original, now, forCount: true).Count > 0;

    private static string? Ordering(string text)
    {
        if (RecentlyUpdated().IsMatch(text))
        {
            return "-updated";
        }

        var priorityFirst = ByPriority().IsMatch(text);
        var oldest = Oldest().IsMatch(text);
        return (priorityFirst, oldest) switch
        {
            (true, true) => "-priority,created",
            (true, false) => "-priority",
            (false, true) => "created",
            _ => null,
        };
    }

    private static void Label(Dictionary<string, object?> args, string one, string many, IReadOnlyList<string> values)
    {
        if (values.Count == 1)
        {
            args[one] = values[0];
        }
        else if (values.Count > 1)
        {
            args[many] = values.ToArray();
        }
    }

    private static string? SearchTerm(string text)
    {
        var m = About().Match(text);
        if (!m.Success)
        {
            m = SearchFor().Match(text);
        }

        if (!m.Success)
        {
            m = AdjectiveTickets().Match(text);
        }

        if (!m.Success)
        {
            return null;
        }

        var term = CleanTerm(m.Groups["term"].Value);
        return term.Length == 0 || NotATopic().IsMatch(term) ? null : term;
    }

    /// <summary>A topic without the words that are filters of their own (labels, periods, "tickets").</summary>
    private static string CleanTerm(string term)
    {
        var cleaned = FilterWords().Replace(term, " ");
        cleaned = Spaces().Replace(cleaned, " ").Trim().Trim('"', '\'', '?', '.', '!', ',').Trim();
        return LeadingArticle().Replace(cleaned, "").Trim();
    }

    /// <summary>A quoted or plain term, as it stands: "'error 500'" is error 500.</summary>
    private static string Quoted(string term) =>
        LeadingArticle().Replace(term.Trim().Trim('"', '\'', '?', '.', '!').Trim(), "").Trim();

    /// <summary>The term as the person spelled it ("VPN", not "vpn"), when the reading did not change its letters.</summary>
    private static string AsTyped(string term, string original)
    {
        var at = original.IndexOf(term, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? term : original.Substring(at, term.Length);
    }

    private static string WithoutCreateVerbs(string text) => CreateVerbs().Replace(text, " ");

    [GeneratedRegex(@"\b(?:most\s+urgent|highest\s+priority|by\s+priority|priority\s+order|sorted\s+by\s+priority|order(?:ed)?\s+by\s+priority|worst)\s*(?:ones\s+|tickets\s+)?(?:first|on\s+top)?")]
    private static partial Regex ByPriority();

    [GeneratedRegex(@"\b(?:updated|changed|touched)\s+(?:most\s+)?recently\b|\b(?:most\s+)?recently\s+(?:updated|changed|touched)\b|\b(?:latest|last)\s+(?:updated|changed)\b")]
    private static partial Regex RecentlyUpdated();

    [GeneratedRegex(@"\b(?:oldest|earliest|longest\s+waiting|waiting\s+longest)\b")]
    private static partial Regex Oldest();

    [GeneratedRegex(@"[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(?:with|having|have|has|contain|contains|containing)\s+(?<term>.+?)\s+in\s+(?:the\s+|their\s+|its\s+)?descriptions?\b|\b(?:whose|where\s+the|with\s+a|with\s+the)\s+description\s+(?:mentions|contains|includes|has|says)\s+(?<term>.+?)(?=[?.!]|$)")]
    private static partial Regex DescriptionTerm();

    [GeneratedRegex(@"\b(?:updated|changed|modified|touched|edited)\b")]
    private static partial Regex Updated();

    [GeneratedRegex(@"\b(?:with|having|have|has|contain|contains|containing)\s+(?<term>.+?)\s+in\s+(?:the\s+|their\s+|its\s+)?titles?\b|\b(?:whose|where\s+the|with\s+a|with\s+the)\s+title\s+(?:mentions|contains|includes|has|says|is)\s+(?<term>.+?)(?=[?.!]|$)|\b(?:titled|called|named)\s+(?<term>.+?)(?=\s+(?:created|updated|since|after|before|from|that|which)\b|$)")]
    private static partial Regex TitleTerm();

    [GeneratedRegex(@"\b(?:about|mentioning|mention|regarding|concerning|related\s+to|relating\s+to|containing|matching|referencing|involving|on\s+the\s+subject\s+of|that\s+mention|which\s+mention|with\s+the\s+word)\s+(?<term>.+?)(?=\s+(?:created|updated|changed|opened|since|after|before|from|this|last|in\s+the\s+last|in\s+the\s+past|during|that\s+are|which\s+are|that\s+were|which\s+were|are|were|that|which|with)\b|[?.!]|$)")]
    private static partial Regex About();

    [GeneratedRegex(@"^(?:please\s+)?(?:search|look|find|grep)\s+(?:(?:through\s+)?(?:the\s+|all\s+)?(?:tickets|issues)\s+for\s+|for\s+|up\s+)?(?!(?:all\s+|the\s+|my\s+|me\s+)?(?:tickets|issues|open|closed|resolved)\b)(?<term>.+?)(?:\s+(?:tickets?|issues?))?(?=\s+(?:created|updated|since|after|before|from|this|last|in\s+the)\b|[?.!]|$)")]
    private static partial Regex SearchFor();

    [GeneratedRegex(@"(?:^|\b(?:show|list|find|get|any|see|all|the|me|open|closed|resolved|our)\s+)(?:me\s+)?(?:all\s+|the\s+|any\s+)?(?<term>[\w-]+(?:\s+[\w-]+)?)\s+(?:tickets|issues|problems|ones|requests)\b")]
    private static partial Regex AdjectiveTickets();

    [GeneratedRegex(@"^(?:me|us|all|the|my|our|open|closed|resolved|new|newest|latest|recent|old|oldest|unresolved|outstanding|pending|active|other|more|some|any|those|these|\d+|every|of|them|which|what|show|list|many|how|customer|customers|people)$")]
    private static partial Regex NotATopic();

    [GeneratedRegex(@"\b(?:tickets?|issues?|problems?|ones?|requests?|open|closed|resolved|unresolved|outstanding|pending|active|urgent|critical|high|low|normal|medium|priority|network|networking|email|hardware|software|billing|account|unhappy|angry|frustrated|upset|negative|positive|happy|neutral|customers?|please|all|any|the|show|list|me|this|last|week|month|today|yesterday|number|of|how|many|most|least|newest|latest|oldest|earliest|first|recent|\d+|sentiment|feedback|count|total|with|are|is|there|do|we|have|which|what|and|or)\b")]
    private static partial Regex FilterWords();

    [GeneratedRegex(@"^(?:the|a|an)\s+")]
    private static partial Regex LeadingArticle();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(?:latest|newest|last|recent|top|first|oldest|earliest)\s+(?<n>\d{1,3})\b(?!\s+(?:days?|weeks?|hours?|months?))|\b(?<n>\d{1,3})\s+(?:latest|newest|most\s+recent|recent|oldest|earliest|highest|most\s+urgent|urgent|open|closed|resolved|tickets)\b")]
    private static partial Regex Top();

    [GeneratedRegex(@"\bpage\s+(?<n>\d{1,4})\b")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\b(?:open|create|file|raise)\s+(?:a|an|new)\b")]
    private static partial Regex CreateVerbs();
}
