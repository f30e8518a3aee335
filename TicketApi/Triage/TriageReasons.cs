namespace TicketApi.Triage;

/// <summary>
/// The one-line reason of a learned answer: the ticket's own words that pushed it most towards the chosen
/// value over the runner-up, e.g. <c>mentions "vpn", "tunnel"</c> (docs/triage.md, "Output"). A lexicon
/// phrase of the chosen value comes first, because it is what a person reading the guidelines expects.
/// </summary>
internal static class TriageReasons
{
    private const int MaxQuotes = 2;

    /// <summary>Words too common to explain anything; never quoted even when the model leans on them.</summary>
    private static readonly ulong[] FunctionWords = SortedHashes(
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "from", "by", "is", "are",
        "was", "were", "be", "been", "am", "it", "its", "it's", "this", "that", "these", "those", "there", "here",
        "as", "so", "if", "then", "than", "too", "very", "just", "also", "about", "into", "i", "i'm", "i've", "me",
        "my", "you", "your", "you're", "he", "she", "his", "her", "they", "them", "their", "we", "us", "our", "what",
        "which", "who", "do", "does", "did", "have", "has", "had", "would", "will", "can", "could", "some", "any",
        "one", "up", "out", "get", "got", "hi", "hello", "dear", "please", "since", "when", "how", "why", "where",
        "all", "every", "now", "still", "again", "more", "like", "need", "want", "same", "other");

    public static string Learned(
        TicketText text,
        IFieldClassifier model,
        ReadOnlySpan<Feature> features,
        ReadOnlySpan<int> indexes,
        int chosen,
        int rival,
        int lexiconStart,
        int lexiconLength)
    {
        Span<int> starts = stackalloc int[MaxQuotes];
        Span<int> lengths = stackalloc int[MaxQuotes];
        var quotes = 0;
        if (lexiconStart >= 0)
        {
            (starts[0], lengths[0]) = (lexiconStart, lexiconLength);
            quotes = 1;
        }
        while (quotes < MaxQuotes)
        {
            var best = -1;
            var bestLeaning = 0.0;
            for (var i = 0; i < features.Length; i++)
            {
                if (features[i].Kind == FeatureKind.Marker)
                {
                    continue;
                }
                var leaning = model.Leaning(indexes[i], chosen, rival);
                if (leaning > bestLeaning
                    && !Repeats(text.Lower, features[i], starts[..quotes], lengths[..quotes])
                    && !IsOnlyFunctionWords(text.Lower.Slice(features[i].Start, features[i].Length)))
                {
                    (best, bestLeaning) = (i, leaning);
                }
            }
            if (best < 0)
            {
                break;
            }
            (starts[quotes], lengths[quotes]) = (features[best].Start, features[best].Length);
            quotes++;
        }
        return quotes switch
        {
            0 => "no single word stands out; closest to similar training tickets",
            1 => $"mentions \"{text.Quote(starts[0], lengths[0])}\"",
            _ => $"mentions \"{text.Quote(starts[0], lengths[0])}\", \"{text.Quote(starts[1], lengths[1])}\"",
        };
    }

    /// <summary>Whether the candidate overlaps a quote already chosen or says the same words again.</summary>
    private static bool Repeats(ReadOnlySpan<char> lower, Feature candidate, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths)
    {
        var words = lower.Slice(candidate.Start, candidate.Length);
        for (var i = 0; i < starts.Length; i++)
        {
            var overlaps = candidate.Start < starts[i] + lengths[i] && starts[i] < candidate.Start + candidate.Length;
            if (overlaps || words.SequenceEqual(lower.Slice(starts[i], lengths[i])))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsOnlyFunctionWords(ReadOnlySpan<char> lower)
    {
        var i = 0;
        while (i < lower.Length)
        {
            while (i < lower.Length && !IsWordChar(lower[i]))
            {
                i++;
            }
            var start = i;
            while (i < lower.Length && IsWordChar(lower[i]))
            {
                i++;
            }
            if (i > start && Array.BinarySearch(FunctionWords, TicketFeatures.Hash(lower[start..i])) < 0)
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '\'';

    private static ulong[] SortedHashes(params string[] words)
    {
        var hashes = new ulong[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            hashes[i] = TicketFeatures.Hash(words[i]);
        }
        Array.Sort(hashes);
        return hashes;
    }
}
