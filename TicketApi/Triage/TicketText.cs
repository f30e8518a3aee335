using System.Buffers;

namespace TicketApi.Triage;

/// <summary>
/// A ticket's text prepared once for both the learned model and the rules: title and description joined,
/// lowercased and with typographic apostrophes made plain, so a phrase list written in plain lowercase
/// matches "Can’t" and "CAN'T" alike. Positions in <see cref="Lower"/> are positions in <see cref="Original"/>
/// (lowercasing is done character by character), which lets reasons quote the requester's own spelling.
/// </summary>
internal sealed class TicketText : IDisposable
{
    /// <summary>
    /// The longest stretch read. Tickets of the training set are under 1,000 characters; a 20,000-character
    /// paste is read as far as this so triage time stays bounded (docs/triage.md, "How a ticket is triaged", step 1).
    /// </summary>
    public const int MaxCharacters = 6_000;

    private char[]? lowerBuffer;

    public TicketText(TriageInput input)
    {
        var title = input.Title ?? "";
        var description = input.Description ?? "";
        var joined = string.Concat(title, "\n", description);
        Original = joined.Length <= MaxCharacters ? joined : joined[..MaxCharacters];
        var length = Original.Length;
        lowerBuffer = ArrayPool<char>.Shared.Rent(Math.Max(1, length));
        for (var i = 0; i < length; i++)
        {
            var c = Original[i];
            lowerBuffer[i] = c is '\u2019' or '\u2018' or '`' ? '\'' : char.ToLowerInvariant(c);
        }
        Length = length;
    }

    public string Original { get; }

    public int Length { get; }

    public ReadOnlySpan<char> Lower => lowerBuffer.AsSpan(0, Length);

    /// <summary>The requester's own words at a span of <see cref="Lower"/>.</summary>
    public string Quote(int start, int length) => Original.Substring(start, length).Trim();

    public void Dispose()
    {
        if (lowerBuffer is not null)
        {
            ArrayPool<char>.Shared.Return(lowerBuffer);
            lowerBuffer = null;
        }
    }
}
