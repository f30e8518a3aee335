using System.Text.RegularExpressions;

namespace AgentHost.Chat.Planner.Language;

/// <summary>
/// The planner's reading copy of a message: lower case, straight quotes, contractions spelled out, typos of command
/// words fixed, spelled numbers as digits, single spaces. The original text is kept elsewhere for titles and bodies.
/// </summary>
public static partial class TextNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"');
        lower = Contractions().Replace(lower, m => m.Value switch
        {
            "what's" or "whats" => "what is",
            "who's" => "who is",
            "it's" => "it is",
            "that's" => "that is",
            "there's" => "there is",
            "isn't" => "is not",
            "aren't" => "are not",
            "wasn't" => "was not",
            "weren't" => "were not",
            "don't" or "dont" => "do not",
            "doesn't" or "doesnt" => "does not",
            "didn't" or "didnt" => "did not",
            "can't" or "cant" or "cannot" => "can not",
            "won't" or "wont" => "will not",
            "haven't" => "have not",
            "hasn't" => "has not",
            "shouldn't" => "should not",
            "let's" => "let us",
            "i'm" or "im" => "i am",
            _ => m.Value,
        });
        lower = Word().Replace(lower, m => TypoCorrector.Correct(m.Value));
        lower = NumberWords.ToDigits(lower);
        return Spaces().Replace(lower, " ").Trim();
    }

    [GeneratedRegex(@"\b(?:what's|whats|who's|it's|that's|there's|isn't|aren't|wasn't|weren't|don't|dont|doesn't|doesnt|didn't|didnt|can't|cant|cannot|won't|wont|haven't|hasn't|shouldn't|let's|i'm|im)\b")]
    private static partial Regex Contractions();

    [GeneratedRegex(@"\b[a-z]+\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
