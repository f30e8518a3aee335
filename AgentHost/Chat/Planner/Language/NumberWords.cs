using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentHost.Chat.Planner.Language;

/// <summary>
/// Writes numbers spelled in words as digits ("ticket thirty-five" -> "ticket 35", "the three oldest" -> "the 3 oldest"),
/// from two to ninety-nine. "one" stays a word: "the first one", "this one" are references, not numbers.
/// </summary>
public static partial class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> Ones = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
    };

    /// <summary>Replaces spelled numbers in lower-case text.</summary>
    public static string ToDigits(string text) => Spelled().Replace(text, m =>
    {
        var tens = m.Groups["tens"].Value;
        var unit = m.Groups["unit"].Value;
        if (tens.Length > 0)
        {
            var value = Tens[tens] + (unit.Length > 0 && Ones.TryGetValue(unit, out var one) ? one : 0);
            return value.ToString(CultureInfo.InvariantCulture);
        }

        return Units.TryGetValue(m.Groups["word"].Value, out var n) ? n.ToString(CultureInfo.InvariantCulture) : m.Value;
    });

    [GeneratedRegex(@"\b(?:(?<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?<unit>one|two|three|four|five|six|seven|eight|nine))?|(?<word>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))\b")]
    private static partial Regex Spelled();
}
