using System.Text.RegularExpressions;

namespace AgentHost.Chat.Planner.Language;

/// <summary>How a clause negates or corrects what was said before it.</summary>
public enum ClauseStance
{
    /// <summary>Says what to do.</summary>
    Plain,

    /// <summary>"don't close 50": the action must not happen (its ids may still be what "it" means next).</summary>
    Forbids,

    /// <summary>"but not 41", "except 7": takes ids out of the previous clause's action.</summary>
    Excludes,

    /// <summary>"no wait, I meant 17", "sorry, 8": the ids replace the previous clause's ids.</summary>
    Corrects,

    /// <summary>"no wait", "oops": nothing to act on.</summary>
    Filler,
}

/// <summary>
/// Negation in the planner's reading: of a whole clause (forbidding, excluding, correcting) and of one word inside a
/// filter ("not resolved", "except low priority", "other than billing").
/// </summary>
public static partial class Negation
{
    public static ClauseStance StanceOf(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        if (Filler().IsMatch(clause))
        {
            return ClauseStance.Filler;
        }

        if (Correction().IsMatch(clause))
        {
            return ClauseStance.Corrects;
        }

        if (Forbidding().IsMatch(clause))
        {
            return ClauseStance.Forbids;
        }

        return Exclusion().IsMatch(clause) ? ClauseStance.Excludes : ClauseStance.Plain;
    }

    /// <summary>True when the word at <paramref name="index"/> is negated by a few words before it.</summary>
    public static bool IsNegatedAt(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = Math.Max(0, index - 40);
        var window = text[start..index];
        return NegatorBefore().IsMatch(window);
    }

    [GeneratedRegex(@"^(?:no\s*,?\s*wait|wait|oops|hang on|hold on|sorry|no|nope|scratch that|my bad|correction|hello|hi|hey|hiya|good\s+(?:morning|afternoon|evening)|dear\s+support|thanks|thank\s+you)[\s,.!]*$")]
    private static partial Regex Filler();

    [GeneratedRegex(@"\b(?:i\s+meant|i\s+mean|meant|make\s+(?:that|it)|should\s+(?:be|have\s+been)|not\s+#?\d+(?:\s*,\s*|\s+)(?:but\s+|i\s+meant\s+)?#?\d+|rather|correction)\b|^(?:no\s*,?\s*|sorry\s*,?\s*|actually\s*,?\s*|wait\s*,?\s*)+(?:#|ticket\s+)?\d+\s*[.!]*$")]
    private static partial Regex Correction();

    [GeneratedRegex(@"^(?:but\s+|and\s+|please\s+)?(?:do\s+not|never|not\s+to|dont)\s+[a-z]")]
    private static partial Regex Forbidding();

    [GeneratedRegex(@"^(?:but\s+|and\s+)?(?:not|except(?:\s+for)?|excluding|apart\s+from|other\s+than|leave|skip|without)\b")]
    private static partial Regex Exclusion();

    [GeneratedRegex(@"(?:\bnot|\bnon-?|\bexcept(?:\s+for)?|\bexcluding|\bapart\s+from|\bother\s+than|\bbesides|\bwithout|\bisn't|\baren't|\bnever\b)\s*(?:\w+\s*){0,3}$")]
    private static partial Regex NegatorBefore();
}
