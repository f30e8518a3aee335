using System.Text.RegularExpressions;

namespace AgentHost.Chat.Planner.Problems;

/// <summary>
/// Recognises a person describing their own problem or need ("Outlook crashes every time I open it", "I was charged
/// twice", "please reset my password", "can we get a water cooler?"): something going wrong or needed, said about a
/// helpdesk topic or about themselves. General questions and chores with neither ("what is the capital of
/// Australia?", "write me a poem") are not reports.
/// </summary>
public static partial class ProblemReport
{
    public static bool Matches(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trouble = Trouble().IsMatch(text);
        var topic = Topic().IsMatch(text);
        var self = Self().IsMatch(text);
        var need = Need().IsMatch(text);
        return (trouble && (topic || self)) || (need && topic) || (topic && self && text.Split(' ').Length >= 4);
    }

    [GeneratedRegex(@"\b(?:nobody|no\s+one|none\s+of\s+us|can\s+not|will\s+not|does\s+not|do\s+not|did\s+not|is\s+not|are\s+not|was\s+not|has\s+not|have\s+not|not\s+working|stopped|broken|broke|crash(?:es|ed|ing)?|freez(?:e|es|ing)|froze|frozen|hang(?:s|ing)?|error|errors|fail(?:s|ed|ing|ure)?|slow|sluggish|stuck|down|keeps|kept|lost|missing|locked|lockout|bounc(?:e|es|ed|ing)|jam(?:s|med|ming)?|flicker(?:s|ing)?|crack(?:ed)?|leak(?:s|ing)?|swollen|swell(?:ing)?|bulging|charged|overcharged|double[-\s]charged|refund|wrong|incorrect|virus|malware|ransomware|ransom|encrypted|phish(?:ing)?|hacked|compromised|suspicious|disconnect(?:s|ed|ing)?|drop(?:s|ped|ping)?|no\s+signal|no\s+internet|offline|outage|unable|problem|issue|trouble|unreachable|expired|forgot|forgotten|never\s+(?:got|received|arrived)|blue\s+screen|overheat(?:s|ing)?|smoke|smoking|noise|noisy|beep(?:s|ing)?|won't|dead|died|spam|hijacked|reset|unlock|denied|rejected|not\s+receiving|not\s+getting|not\s+showing|disappeared|gone|empty|corrupt(?:ed)?|weird|strange|asks?\s+me|prompt(?:s|ed)?|loop(?:s|ing)?|boiling|freezing|cold|hot|flooded|water\s+on|spilled|spilt)\b")]
    private static partial Regex Trouble();

    [GeneratedRegex(@"\b(?:vpn|wi-?fi|wireless|internet|network|connection|ethernet|dns|firewall|printer|printers|print(?:ing)?|scanner|laptop|computer|pc|desktop|mac|macbook|monitor|screen|display|keyboard|mouse|headset|dock|docking|webcam|camera|projector|phone|mobile|iphone|android|tablet|ipad|battery|charger|cable|usb|outlook|e-?mail|emails|mail|mailbox|inbox|calendar|invite|meeting|teams|zoom|slack|excel|word|powerpoint|office|onedrive|sharepoint|drive|file|files|folder|server|app|application|software|program|licen[cs]e|update|install(?:ed|ing)?|windows|macos|browser|chrome|portal|website|site|login|log\s+in|sign\s+in|signin|password|passcode|account|mfa|2fa|authenticator|access|permission|permissions|invoice|invoices|bill|billing|payment|payments|card|charge|refund|subscription|order|checkout|receipt|price|pricing|vat|tax|badge|door|lift|elevator|air\s+conditioning|heating|aircon|light|lights|kitchen|coffee|fridge|desk|chair|parking|toilet|water|room|floor|office|building|acrobat|adobe|sap|salesforce|crm|erp|database|backup|signature|distribution\s+list|shared\s+mailbox)\b")]
    private static partial Regex Topic();

    [GeneratedRegex(@"\b(?:i|my|me|mine|we|our|us|ours|i\s+am|myself)\b")]
    private static partial Regex Self();

    [GeneratedRegex(@"\b(?:i\s+need|we\s+need|needs?\s+(?:a|an|to|help|access|the|new|some)|new\s+(?:starter|joiner|hire|employee|colleague)|leaver|is\s+leaving|can\s+(?:i|we)\s+(?:get|have)|could\s+(?:i|we)\s+(?:get|have)|please\s+(?:install|set\s+up|add|give|create|reset|unlock|enable|order)|requesting|request|how\s+(?:do|can|should)\s+(?:i|we)|is\s+it\s+possible|would\s+like|i'd\s+like|want\s+to|help\s+with)\b")]
    private static partial Regex Need();
}
