using System.Text.RegularExpressions;

namespace AgentHost.Chat.Planner.Problems;

/// <summary>A fact the support team needs about a problem (docs/offline-assistant.md, "Problem reports").</summary>
public enum ProblemFact
{
    SinceWhen,
    ExactError,
    DeviceOrApp,
    HowManyPeople,
}

/// <summary>
/// Which of the four facts a description already gives, and the questions for the rest. Recomputed from the words
/// filed (never from the planner's earlier answer), so a later turn knows what was asked.
/// </summary>
public static partial class ProblemFacts
{
    public static IReadOnlyList<ProblemFact> Missing(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var text = description.ToLowerInvariant();
        var missing = new List<ProblemFact>();
        if (!SinceWhen().IsMatch(text))
        {
            missing.Add(ProblemFact.SinceWhen);
        }

        if (!ExactError().IsMatch(text))
        {
            missing.Add(ProblemFact.ExactError);
        }

        if (!DeviceOrApp().IsMatch(text))
        {
            missing.Add(ProblemFact.DeviceOrApp);
        }

        if (!HowManyPeople().IsMatch(text))
        {
            missing.Add(ProblemFact.HowManyPeople);
        }

        return missing;
    }

    public static string Question(ProblemFact fact) => fact switch
    {
        ProblemFact.SinceWhen => "Since when has this been happening?",
        ProblemFact.ExactError => "What exact error message do you see, if any?",
        ProblemFact.DeviceOrApp => "Which device or app is it on?",
        _ => "How many people are affected: just you, your team, or everyone?",
    };

    [GeneratedRegex(@"\b(?:since|today|yesterday|this\s+morning|this\s+afternoon|tonight|last\s+(?:night|week|month)|ago|started|began|monday|tuesday|wednesday|thursday|friday|saturday|sunday|for\s+(?:a\s+|an\s+|\d+\s+)?(?:few\s+)?(?:days?|weeks?|hours?|minutes?|months?)|after\s+the\s+update|every\s+time|always|right\s+now|now|at\s+the\s+moment|currently|all\s+day|this\s+week|\d{1,2}(?::\d{2})?\s*(?:am|pm))\b")]
    private static partial Regex SinceWhen();

    [GeneratedRegex(@"\b(?:error|code|says|said|message|shows?|showing|displays?|popup|pop-up|warning|exception|denied|invalid|incorrect|wrong|not\s+responding|blue\s+screen|bsod|bounce[sd]?|undeliverable|\d{3,})\b|""[^""]+""|'[^']{3,}'")]
    private static partial Regex ExactError();

    [GeneratedRegex(@"\b(?:laptop|computer|pc|desktop|mac|macbook|monitor|screen|display|printer|scanner|phone|iphone|android|mobile|tablet|ipad|keyboard|mouse|headset|dock|docking|webcam|camera|projector|router|battery|charger|outlook|excel|word|powerpoint|teams|zoom|slack|chrome|edge|firefox|browser|vpn|wifi|wi-fi|windows|app|application|portal|website|site|sap|salesforce|erp|crm|acrobat|adobe|drive|server|mailbox|calendar|account|system|software|machine|device|model|card|checkout|invoice|subscription|order|door|lift|elevator|machine|coffee|air\s+conditioning)\b")]
    private static partial Regex DeviceOrApp();

    [GeneratedRegex(@"\b(?:only\s+me|just\s+me|only\s+mine|nobody|no\s+one|everyone|everybody|all\s+(?:of\s+)?(?:us|users|staff|customers|our)|whole|entire|team|department|office|colleagues?|people|users|customers|\d+\s+(?:people|users|of\s+us))\b")]
    private static partial Regex HowManyPeople();
}
