using System.Security.Cryptography;

namespace TicketApi.Accounts.Users;

/// <summary>
/// Generated passwords for people an admin creates or the first-admin command makes: 4 groups of 5 random
/// letters and digits (about 119 bits), which always satisfies Identity's default rules (a digit, a lower-case
/// and an upper-case letter, and the '-' as the non-alphanumeric character).
/// </summary>
public static class OneTimePassword
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string Generate()
    {
        while (true)
        {
            var password = string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 5)));
            if (password.Any(char.IsUpper) && password.Any(char.IsLower) && password.Any(char.IsDigit))
            {
                return password;
            }
        }
    }
}
