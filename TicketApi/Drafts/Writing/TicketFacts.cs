using System.Text.RegularExpressions;
using TicketApi.KnowledgeBase;

namespace TicketApi.Drafts.Writing;

/// <summary>
/// What a ticket's own words state, as far as a writer without a model can tell (docs/drafts.md, "Writing a
/// draft: FINAL or NEEDS_FOLLOW_UP"): since when, the exact error text, the device or app, and signs that an
/// article alone cannot settle it (several people hit at once, a security incident, a safety hazard).
/// Only read, never echoed: no ticket text reaches the reply.
/// </summary>
public sealed partial record TicketFacts(
    bool StatesWhen,
    bool StatesErrorText,
    bool StatesDevice,
    bool SeveralPeople,
    bool SecurityIncident,
    bool SafetyHazard,
    bool StatesOrderNumber,
    bool MentionsUnquotedError,
    int SalientTerms)
{
    /// <summary>Fewer salient words than this says too little to act on without asking.</summary>
    public const int TooTerse = 8;

    public const string SinceWhenQuestion = "Since when has this been happening, and did anything change just before (an update, a new device, a move)?";
    public const string ErrorTextQuestion = "What is the exact error message or text you see? A screenshot works too.";
    public const string DeviceQuestion = "Which device and app are you using (for example Windows laptop, Mac, iPhone or Android; Outlook, Teams or the browser)?";
    public const string HowManyQuestion = "Is it only you, or are other people affected too? If others are, roughly how many?";
    public const string SecurityQuestion = "Did you open an attachment, click a link or enter your password or a code after it arrived? Please do not forward the message itself.";
    public const string SafetyQuestion = "Please stop using the device and unplug it. Where is it now, so we can collect it or arrange a replacement?";

    public bool Terse => SalientTerms < TooTerse;

    /// <summary>The article alone cannot settle these: staff must look, whatever the match.</summary>
    public bool NeedsStaff => SeveralPeople || SecurityIncident || SafetyHazard;

    public static TicketFacts Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TicketFacts(
            When().IsMatch(text),
            ErrorText().IsMatch(text),
            Device().IsMatch(text),
            SeveralPeoplePattern().IsMatch(text),
            Security().IsMatch(text),
            Safety().IsMatch(text),
            OrderNumber().IsMatch(text),
            MentionsError().IsMatch(text) && !ErrorText().IsMatch(text),
            SearchTerms.From(text).Count);
    }

    /// <summary>What to ask, most useful first: the red flag's question, then the facts the ticket does not state.</summary>
    public IReadOnlyList<string> Questions(int max)
    {
        var questions = new List<string>();
        if (SafetyHazard)
        {
            questions.Add(SafetyQuestion);
        }
        if (SecurityIncident)
        {
            questions.Add(SecurityQuestion);
        }
        if (SeveralPeople || questions.Count == 0 && Terse)
        {
            questions.Add(HowManyQuestion);
        }
        if (!StatesErrorText)
        {
            questions.Add(ErrorTextQuestion);
        }
        if (!StatesDevice)
        {
            questions.Add(DeviceQuestion);
        }
        if (!StatesWhen)
        {
            questions.Add(SinceWhenQuestion);
        }
        if (questions.Count == 0)
        {
            questions.Add(HowManyQuestion);
        }
        return questions.Take(max).ToList();
    }

    public const string OrderQuestion = "What is the order number (or the email address you ordered with), and the date and amount shown on your statement?";

    /// <summary>
    /// What the article needs that the ticket does not state: shop articles (billing, orders) need the order
    /// or at least when it happened to be found; any ticket that mentions an error but does not quote it needs the text.
    /// </summary>
    public IReadOnlyList<string> MissingFor(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var missing = new List<string>();
        if ((article.Category == "BILLING" || article.Tags.Contains("order", StringComparer.OrdinalIgnoreCase)) && !StatesOrderNumber && !StatesWhen)
        {
            missing.Add(OrderQuestion);
        }
        if (MentionsUnquotedError)
        {
            missing.Add(ErrorTextQuestion);
        }
        return missing;
    }

    [GeneratedRegex(@"\b(?:order|ref|reference|#)\s*(?:no\.?|number|nr)?\s*[:#]?\s*[A-Z]{0,3}-?\d{4,}\b|\b\d{5,}\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrderNumber();

    [GeneratedRegex(@"\b(an error|errors?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MentionsError();

    [GeneratedRegex(@"\b(since|ago|yesterday|today|tonight|this (morning|afternoon|evening|week|month)|last (night|week|month|friday|monday|tuesday|wednesday|thursday|saturday|sunday)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|after (the|an|a|last) (update|upgrade|restart|reboot|move)|every (few )?(minute|hour|day|time)s?|for (days|weeks|hours|a week|a month)|\d{1,2}[:.]\d{2}|\d{1,2} ?(am|pm)|(january|february|march|april|may|june|july|august|september|october|november|december) \d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex When();

    [GeneratedRegex(@"[""“][^""”]{4,}[""”]|'[^'\n]{6,}'|\b(error|code|message|says|saying|warning)\b[^.\n]{0,30}(\b[A-Z]{0,5}-?\d{3,}\b|0x[0-9a-f]+|:)|\b(bounce|returned|non-?delivery|ndr|declined)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorText();

    [GeneratedRegex(@"\b(laptop|desktop|pc|computer|mac|macbook|imac|windows|iphone|ipad|android|phone|tablet|printer|outlook|teams|browser|chrome|edge|firefox|safari|app|dock|monitor|screen|globalprotect|vpn|wi-?fi|headset|card|visa|mastercard|paypal|order|invoice)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Device();

    [GeneratedRegex(@"\b(everyone|everybody|whole (team|office|floor|department|company|building)|all of us|(several|many|multiple|a few) (people|users|colleagues|staff|of us)|none of us|nobody (here|in (the|our))|no one (here|in (the|our))|nobody in (the )?\w+|half (of )?(the )?\w+ (team|office|department)|(two|three|four|five|six|seven|eight|nine|ten|\d+) (of us|people|users|colleagues)|others (have|are|get|see) (the same|it too)|same (problem|thing) for (others|colleagues|everyone)|entire (team|office|floor|company)|the others|half the (office|team))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SeveralPeoplePattern();

    [GeneratedRegex(@"\b(clicked|entered (my|the) (password|details|code)|typed (my|in my) (password|details)|gave (them|it) my|opened the attachment|hacked|compromised|ransom\w*|strange (sign-?ins?|logins?)|someone (else )?(logged|signed) in|someone (is )?trying to (get|log|sign) in)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Security();

    [GeneratedRegex(@"\b(swell\w*|swollen|bulg\w*|puff\w*|smok\w*|burn\w*|spark\w*|melt\w*|hot to (the )?touch|too hot to|fire)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Safety();
}
