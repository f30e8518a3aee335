using System.Security.Cryptography;
using System.Text;

namespace TicketApi.Accounts.Keys;

/// <summary>What an API key is made of: <c>at_</c> and 32 random bytes in base64url (docs/accounts.md, "API keys").</summary>
public static class ApiKeySecret
{
    public const string Marker = "at_";

    /// <summary>How much of a key is kept in clear and listed, so its owner can recognise it: the marker and 8 characters (48 bits, too few to guess the rest from).</summary>
    public const int PrefixLength = 11;

    /// <summary>The full length of a key this server issues; anything else is no key of ours and is refused without a lookup.</summary>
    public const int Length = 46;

    public static string Create() => Marker + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string PrefixOf(string key) => key[..PrefixLength];

    /// <summary>
    /// SHA-256 of the key. A password needs a slow, salted hash because people choose guessable ones; a key is 256
    /// random bits, so no dictionary or precomputed table can reach it and one fast hash is as safe as a slow one,
    /// while costing microseconds instead of tens of milliseconds on every request. Being unsalted, the hash is also
    /// the index the key is found by.
    /// </summary>
    public static byte[] Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>True when <paramref name="key"/> has the shape of one of ours: the marker, the length, base64url characters.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> key)
    {
        if (key.Length != Length || !key.StartsWith(Marker, StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var c in key[Marker.Length..])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }
        return true;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
