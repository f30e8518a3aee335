namespace TicketApi.Triage;

/// <summary>
/// A list of lowercase phrases to find at word boundaries. A phrase ending in <c>*</c> also matches longer
/// words ("frustrat*" finds "frustrating"); others must end at a boundary, so "down" does not fire on
/// "download". Lists are searched through a <see cref="PhraseScanner"/>, which finds the phrases of many
/// lists in one pass over the text.
/// </summary>
internal sealed class PhraseList
{
    public PhraseList(params string[] phrases)
    {
        Phrases = new string[phrases.Length];
        IsPrefix = new bool[phrases.Length];
        for (var i = 0; i < phrases.Length; i++)
        {
            IsPrefix[i] = phrases[i].EndsWith('*');
            Phrases[i] = phrases[i].TrimEnd('*');
        }
    }

    public string[] Phrases { get; }

    public bool[] IsPrefix { get; }
}
