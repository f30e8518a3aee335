using System.Text.RegularExpressions;
using TicketApi.KnowledgeBase;

namespace TicketApi.Drafts.Writing;

/// <summary>
/// What a ticket's own words state, as far as a writer without a model can tell (docs/drafts.md, "Writing a
/// draft: FINAL or NEEDS_FOLLOW_UP"): since when, the exact error text, the device or app, and signs that an
/// article alone cannot settle it (several people hit at once, a security incident, a safety hazard, a purchase
/// or approval). Each fact is a small vocabulary of ways to say it, not one ticket's phrase, and a negated mention
/// ("no error", "I didn't click it", "other people are fine") does not count.
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
    int SalientTerms,
    bool PurchaseOrApproval = false)
{
    /// <summary>Fewer salient words than this says too little to act on without asking.</summary>
    public const int TooTerse = 8;

    public const string SinceWhenQuestion = "Since when has this been happening, and did anything change just before (an update, a new device, a move)?";
    public const string ErrorTextQuestion = "What is the exact error message or text you see? A screenshot works too.";
    public const string DeviceQuestion = "Which device and app are you using (for example Windows laptop, Mac, iPhone or Android; Outlook, Teams or the browser)?";
    public const string HowManyQuestion = "Is it only you, or are other people affected too? If others are, roughly how many?";
    public const string SecurityQuestion = "Did you open an attachment, click a link or enter your password or a code after it arrived? Please do not forward the message itself.";
    public const string SafetyQuestion = "Please stop using the device and unplug it. Where is it now, so we can collect it or arrange a replacement?";
    public const string PurchaseQuestion = "Which item or licence do you need exactly, and who approves the cost (your manager or budget holder)?";

    public bool Terse => SalientTerms < TooTerse;

    /// <summary>The article alone cannot settle these: staff must look, whatever the match.</summary>
    public bool NeedsStaff => SeveralPeople || SecurityIncident || SafetyHazard || PurchaseOrApproval;

    /// <summary>
    /// Too terse to act on for this article: a shop request that gives its order number has said what the article
    /// needs, however few its words ("PDF receipt for order 70322").
    /// </summary>
    public bool TooTerseFor(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Terse && !(IsShopArticle(article) && StatesOrderNumber);
    }

    public static TicketFacts Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var severalPeople = SeveralPeoplePattern().IsMatch(text) && (NotOnlyMe().IsMatch(text) || !OnlyMe().IsMatch(text));
        return new TicketFacts(
            When().IsMatch(text),
            ErrorText().IsMatch(text),
            Device().IsMatch(text),
            severalPeople,
            Security().IsMatch(NegatedAction().Replace(text, " ")) || LostDevice().IsMatch(text),
            Safety().IsMatch(text),
            OrderNumber().IsMatch(text),
            MentionsError().IsMatch(NegatedError().Replace(text, " ")) && !ErrorText().IsMatch(text),
            SearchTerms.From(text).Count,
            Purchase().IsMatch(text));
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
        if (PurchaseOrApproval)
        {
            questions.Add(PurchaseQuestion);
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
        if (IsShopArticle(article) && !StatesOrderNumber && !StatesWhen)
        {
            missing.Add(OrderQuestion);
        }
        if (MentionsUnquotedError)
        {
            missing.Add(ErrorTextQuestion);
        }
        return missing;
    }

    private static bool IsShopArticle(Article article) =>
        article.Category == "BILLING" || article.Tags.Contains("order", StringComparer.OrdinalIgnoreCase);

    /// <summary>A negation up to three words before what it negates ("didn't", "haven't ... ", "never", "without").</summary>
    private const string Negation = @"\b(?:no|not|never|without|nor|didn'?t|did not|haven'?t|have not|hasn'?t|has not|doesn'?t|does not|don'?t|isn'?t|wasn'?t)(?:\s+\w+){0,3}?\s+";

    [GeneratedRegex(Negation + @"(?:an? |any )?errors?\b", RegexOptions.IgnoreCase)]
    private static partial Regex NegatedError();

    /// <summary>A negated act and the acts listed with it: "I haven't replied or clicked anything".</summary>
    [GeneratedRegex(Negation + @"(?:clicked|opened|entered|typed|replied|responded|downloaded)(?:\s*(?:,|or|and|nor)\s+(?:\w+\s+)?(?:clicked|opened|entered|typed|replied|responded|downloaded))*", RegexOptions.IgnoreCase)]
    private static partial Regex NegatedAction();

    /// <summary>A lost or stolen device or badge is a security incident whatever else the ticket asks.</summary>
    [GeneratedRegex(@"\b(stolen|theft|lost (my|the|our|a) (phone|laptop|mobile|device|badge|card|tablet)|(phone|laptop|mobile|device|badge|tablet) (was |got |has been )?(lost|stolen|taken))\b", RegexOptions.IgnoreCase)]
    private static partial Regex LostDevice();

    /// <summary>A new thing to buy or have approved: staff decide, no article settles it.</summary>
    [GeneratedRegex(@"\b(purchas\w*|budget|quote for|(get|order|buy|request|have|need) (me )?(a |an )?(new|second|extra|spare|another|bigger|additional) (monitor|screen|laptop|phone|headset|keyboard|mouse|chair|desk|licen[cs]e|dock|computer|pc))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Purchase();

    /// <summary>Others said to be fine, or the problem said to be the requester's alone: the "several people" words are about someone else.</summary>
    [GeneratedRegex(@"\b((other people|others|colleagues|everyone else|everybody else|the rest of (us|the team|the office))(\s+\w+){0,5}?\s+(fine|ok|okay|normally|as normal|without (problems|issues|trouble))|(?<!not )(only|just) (me|mine|my (laptop|account|computer|pc|phone))\b)", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyMe();

    [GeneratedRegex(@"\bnot (just|only) me\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotOnlyMe();

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

    /// <summary>Several people hit, said many ways: everyone, a whole team or place, a count, a department that cannot, others too.</summary>
    [GeneratedRegex(@"\b(everyone|everybody|whole (team|office|floor|department|company|building|wing|site|branch|school|class|unit)|entire (team|office|floor|department|company|building|wing|site|branch)|all of us|we all|all (the|my|our) (colleagues|users|staff|team|people|laptops|machines|computers|pcs)|(several|many|multiple|a few|some|other|most|lots of|loads of|a couple of|a number of|various) (people|users|colleagues|staff|of us|of my colleagues|coworkers|co-workers)|none of us|no-?one (here|in (the|our))|nobody (here|in (the|our))|nobody in (the )?\w+|no one in (the )?\w+|half (of )?(the |my |our )?(\w+ )?(team|office|department|floor|staff|colleagues|people|users|company)|half of (finance|accounts|sales|marketing|hr|it|legal|support|operations|payroll|reception)|(two|three|four|five|six|seven|eight|nine|ten|\d+) (of us|people|users|colleagues|staff|coworkers|of my colleagues)|others (have|are|get|see|say)\b|colleagues? (also|too|have|are|as well|get)|same (problem|thing|issue) (for|as) (others|colleagues|everyone|my colleagues)|not (just|only) me|i'?m not the only|across the (team|office|floor|building))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SeveralPeoplePattern();

    [GeneratedRegex(@"\b(clicked|entered (my|the) (password|details|code)|typed (my|in my) (password|details)|gave (them|it) my|opened the attachment|hacked|compromised|ransom\w*|strange (sign-?ins?|logins?)|someone (else )?(logged|signed) in|someone (is )?trying to (get|log|sign) in)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Security();

    [GeneratedRegex(@"\b(swell\w*|swollen|bulg\w*|puff\w*|smok\w*|burn\w*|spark\w*|melt\w*|hot to (the )?touch|too hot to|fire|(is it|is this|is that|still) safe|unsafe|danger\w*|hazard\w*|electric shock|shocked me)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Safety();
}
