using System.Buffers;

namespace TicketApi.Triage;

/// <summary>What kind of evidence a feature is; reasons quote words, never markers.</summary>
internal enum FeatureKind : byte
{
    Word,
    WordPair,
    Marker,
}

/// <summary>One feature occurrence: its hash (the model's key) and where its words are in the text.</summary>
internal readonly record struct Feature(ulong Hash, int Start, int Length, FeatureKind Kind);

/// <summary>
/// Turns a ticket into features without building strings: words (lowercased, lightly stemmed), word
/// pairs, "not_" marking of the three words after a negation ("not urgent" becomes not_urgent, "no rush"
/// not_rush) and a few style markers (shouting, "!!", smileys). Words are identified by a 64-bit FNV-1a
/// hash of their characters, so the hot path allocates nothing but one pooled buffer
/// (docs/triage.md, "How a ticket is triaged", step 2).
/// </summary>
internal static class TicketFeatures
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong NegatedSalt = 0x9E3779B97F4A7C15UL;
    private const ulong PairSalt = 0xC2B2AE3D27D4EB4FUL;
    private const int NegationReach = 3;

    private static readonly ulong NumberHash = HashOf("#number");
    private static readonly ulong ShoutingHash = HashOf("#shouting");
    private static readonly ulong ExclaimingHash = HashOf("#exclaiming");
    private static readonly ulong SmileyHash = HashOf("#smiley");
    private static readonly ulong QuestionHash = HashOf("#question");

    private static readonly ulong[] NegationHashes = HashesOf(
        "not", "no", "never", "cant", "cannot", "dont", "doesnt", "didnt", "isnt", "wont", "wasnt", "arent",
        "couldnt", "wouldnt", "havent", "hasnt", "nothing", "without", "nobody", "neither", "nor", "aint");

    /// <summary>At most this many features per ticket: every word can start a word and a pair.</summary>
    public static int Capacity(TicketText text) => (text.Length * 2) + 8;

    /// <summary>Rents a buffer for <see cref="Extract"/>; return it to <see cref="ArrayPool{T}.Shared"/>.</summary>
    public static Feature[] RentBuffer(TicketText text) => ArrayPool<Feature>.Shared.Rent(Capacity(text));

    /// <summary>Writes the ticket's features into <paramref name="output"/> and returns how many there are.</summary>
    public static int Extract(TicketText text, Span<Feature> output)
    {
        var lower = text.Lower;
        var original = text.Original.AsSpan(0, text.Length);
        var count = 0;
        var negationLeft = 0;
        var previousHash = 0UL;
        var previousStart = -1;
        var shouting = false;
        var exclamations = 0;
        var smiley = false;
        var question = false;

        var i = 0;
        while (i < lower.Length)
        {
            var c = lower[i];
            if (!IsWordChar(c))
            {
                if (c is '.' or ',' or '!' or '?' or ';' or ':' or '\n' or '(' or ')')
                {
                    negationLeft = 0;
                    previousStart = -1;
                }
                exclamations += c == '!' ? 1 : 0;
                question |= c == '?';
                smiley |= c == ':' && i + 1 < lower.Length && lower[i + 1] is ')' or 'd';
                smiley |= char.IsSurrogate(c);
                i++;
                continue;
            }

            var start = i;
            while (i < lower.Length && IsWordChar(lower[i]))
            {
                i++;
            }
            var word = Stem(lower[start..i]);
            if (word.IsEmpty)
            {
                continue;
            }
            shouting |= IsShouted(original[start..i]);

            var hash = ContainsDigit(word) ? NumberHash : Hash(word);
            var isNegation = Array.IndexOf(NegationHashes, hash) >= 0;
            var featureHash = negationLeft > 0 && !isNegation ? hash ^ NegatedSalt : hash;
            output[count++] = new Feature(featureHash, start, i - start, FeatureKind.Word);
            if (previousStart >= 0)
            {
                output[count++] = new Feature((previousHash * PairSalt) ^ featureHash, previousStart, i - previousStart, FeatureKind.WordPair);
            }
            previousHash = featureHash;
            previousStart = start;
            negationLeft = isNegation ? NegationReach : Math.Max(0, negationLeft - 1);
        }

        if (shouting)
        {
            output[count++] = new Feature(ShoutingHash, 0, 0, FeatureKind.Marker);
        }
        if (exclamations >= 2)
        {
            output[count++] = new Feature(ExclaimingHash, 0, 0, FeatureKind.Marker);
        }
        if (smiley)
        {
            output[count++] = new Feature(SmileyHash, 0, 0, FeatureKind.Marker);
        }
        if (question)
        {
            output[count++] = new Feature(QuestionHash, 0, 0, FeatureKind.Marker);
        }
        return count;
    }

    /// <summary>Suffix stripping, just enough that "crashes", "crashed" and "crashing" meet.</summary>
    internal static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word)
    {
        word = word.Trim('\'');
        if (word.EndsWith("'s"))
        {
            word = word[..^2];
        }
        if (word.Length > 5 && word.EndsWith("ing"))
        {
            return word[..^3];
        }
        if (word.Length > 4 && word.EndsWith("ied"))
        {
            return word[..^3];
        }
        if (word.Length > 4 && word.EndsWith("ies"))
        {
            return word[..^3];
        }
        if (word.Length > 4 && word.EndsWith("ed"))
        {
            return word[..^2];
        }
        if (word.Length > 5 && word.EndsWith("ly"))
        {
            return word[..^2];
        }
        if (word.Length > 4 && word.EndsWith("es") && word[^3] is 's' or 'x' or 'h')
        {
            return word[..^2];
        }
        if (word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i'))
        {
            return word[..^1];
        }
        return word;
    }

    /// <summary>FNV-1a over the word's characters, apostrophes skipped so "can't" and "cant" are one word.</summary>
    internal static ulong Hash(ReadOnlySpan<char> word)
    {
        var hash = FnvOffset;
        foreach (var c in word)
        {
            if (c == '\'')
            {
                continue;
            }
            hash = (hash ^ c) * FnvPrime;
        }
        return hash;
    }

    internal static ulong HashOf(string word) => Hash(Stem(word.AsSpan()));

    private static ulong[] HashesOf(params string[] words)
    {
        var hashes = new ulong[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            hashes[i] = HashOf(words[i]);
        }
        return hashes;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '\'';

    private static bool ContainsDigit(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A word of four or more capitals ("HELP", "NONE"); acronyms like "VPN" are too short to count.</summary>
    private static bool IsShouted(ReadOnlySpan<char> word)
    {
        if (word.Length < 4)
        {
            return false;
        }
        foreach (var c in word)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }
        return true;
    }
}
