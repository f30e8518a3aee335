using System.Text.RegularExpressions;

namespace TicketApi.Drafts.Writing;

/// <summary>Hands a finished reply to a <see cref="ReplyTextSink"/> in word-sized pieces that concatenate exactly to it.</summary>
public static partial class ReplyPieces
{
    /// <summary>Each piece is one word with the whitespace before it; trailing whitespace is its own last piece.</summary>
    public static IEnumerable<string> Pieces(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return Piece().Matches(reply).Select(m => m.Value);
    }

    public static async ValueTask SendAsync(string reply, ReplyTextSink? sink, CancellationToken cancellationToken)
    {
        if (sink is null)
        {
            return;
        }
        foreach (var piece in Pieces(reply))
        {
            await sink(piece, cancellationToken);
        }
    }

    [GeneratedRegex(@"\s*\S+|\s+$")]
    private static partial Regex Piece();
}
