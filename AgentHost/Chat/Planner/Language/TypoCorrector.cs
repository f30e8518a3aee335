namespace AgentHost.Chat.Planner.Language;

/// <summary>
/// Puts back the command words people mistype ("clsoe", "reslove", "tikcet"): a word that is not itself a known
/// word and is one edit (a swap of neighbours, a dropped, added or changed letter) from exactly one command word
/// becomes that word. Short words are left alone: one edit from a three-letter word is too many other words.
/// </summary>
public static class TypoCorrector
{
    private static readonly string[] Commands =
    [
        "close", "closed", "resolve", "resolved", "reopen", "delete", "remove", "ticket", "tickets", "priority", "urgent",
        "status", "show", "create", "category", "update", "change", "please", "customer", "network", "hardware", "software",
        "billing", "account", "email", "issues", "triage", "message", "messages", "reported",
    ];

    // Real words one edit away from a command word, which must stay as they are.
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "clone", "chose", "those", "whose", "close", "closer", "closes", "dose", "lose", "loose", "rose", "nose", "hose", "pose",
        "clause", "closet", "resolves", "solved", "revolve", "reopens", "reopened", "removed", "removes", "shown", "shows", "snow",
        "slow", "stow", "showy", "shower", "state", "statue", "stats", "update", "updated", "changed", "changes", "please", "pleased",
        "tickle", "ticked", "wicket", "picket", "pocket", "delete", "deleted", "created", "creates", "cremate", "reported", "repotted",
        "message", "massage", "messages", "emails", "mail", "urgency", "custom", "customers", "accounts", "counts", "issue", "issued",
    };

    public static string Correct(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 5 || Known.Contains(word) || Array.IndexOf(Commands, word) >= 0 || !word.All(char.IsAsciiLetterLower))
        {
            return word;
        }

        string? found = null;
        foreach (var command in Commands)
        {
            if (OneEditApart(word, command))
            {
                if (found is not null && found != command)
                {
                    return word; // two candidates: do not guess
                }

                found = command;
            }
        }

        return found ?? word;
    }

    /// <summary>Optimal string alignment distance of at most one (a swap of neighbours counts as one edit).</summary>
    private static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length && i == b.Length)
        {
            return false;
        }

        if (a.Length == b.Length)
        {
            return a[(i + 1)..] == b[(i + 1)..]
                   || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..] == b[(i + 2)..]);
        }

        return a.Length > b.Length ? a[(i + 1)..] == b[i..] : a[i..] == b[(i + 1)..];
    }
}
