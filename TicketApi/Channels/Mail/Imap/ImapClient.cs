using System.Globalization;
using System.Text.RegularExpressions;

namespace TicketApi.Channels.Mail.Imap;

/// <summary>
/// A small IMAP4rev1 client (RFC 3501), written because MailKit is not available to this build. It does what the
/// mailbox poller needs and no more: LOGIN, STARTTLS or implicit TLS, SELECT (with UIDVALIDITY), UID SEARCH,
/// UID FETCH of a whole message without setting \Seen (BODY.PEEK[]), UID STORE of flags, UID MOVE (RFC 6851) or
/// COPY + \Deleted where MOVE is missing, APPEND (how a test delivers mail), LOGOUT.
/// </summary>
public sealed partial class ImapClient : IAsyncDisposable
{
    private readonly ImapConnection _connection;
    private readonly string _endpoint;
    private HashSet<string> _capabilities;

    private ImapClient(ImapConnection connection, string endpoint, HashSet<string> capabilities)
    {
        _connection = connection;
        _endpoint = endpoint;
        _capabilities = capabilities;
    }

    /// <summary>Connects, secures and logs in as <paramref name="settings"/> say. A refused login names the user, never the password.</summary>
    public static async Task<ImapClient> OpenAsync(MailboxSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var host = settings.Host ?? throw new InvalidOperationException("IMAP_HOST is not set.");
        var endpoint = string.Create(CultureInfo.InvariantCulture, $"{host}:{settings.Port}");
        var (connection, greeting) = await ImapConnection.OpenAsync(host, settings.Port, settings.Security == ImapSecurity.Tls, settings.TrustedRoots, settings.MaxMessageBytes + 4096, cancellationToken);
        var client = new ImapClient(connection, endpoint, Capabilities(greeting.Text));
        try
        {
            if (settings.Security == ImapSecurity.StartTls)
            {
                await client.RefreshCapabilitiesAsync(cancellationToken);
                if (!client._capabilities.Contains("STARTTLS"))
                {
                    throw new ImapException($"{endpoint} does not offer STARTTLS (IMAP_SECURITY=starttls); the password was not sent.");
                }
                client.Expect(await connection.CommandAsync(cancellationToken, "STARTTLS"), "STARTTLS");
                await connection.StartTlsAsync(cancellationToken);
                client._capabilities = []; // RFC 3501 6.2.1: what was learnt before TLS is forgotten
            }
            if (greeting.Text.StartsWith("* PREAUTH", StringComparison.OrdinalIgnoreCase))
            {
                return client;
            }
            var login = await connection.CommandAsync(cancellationToken, "LOGIN", ImapConnection.AString(settings.UserName), ImapConnection.AString(settings.Password));
            if (login.Status != "OK")
            {
                throw new ImapException($"{endpoint} refused the login of user '{settings.UserName}': {login.Text}");
            }
            client._capabilities = Capabilities(login.Text);
            if (client._capabilities.Count == 0)
            {
                await client.RefreshCapabilitiesAsync(cancellationToken);
            }
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Selects <paramref name="folder"/> read-write; returns its UIDVALIDITY (0 if the server sent none).</summary>
    public async Task<long> SelectAsync(string folder, CancellationToken cancellationToken)
    {
        var completion = Expect(await _connection.CommandAsync(cancellationToken, "SELECT", ImapConnection.AString(folder)), $"SELECT {folder}");
        foreach (var response in completion.Untagged)
        {
            var match = UidValidity().Match(response.Text);
            if (match.Success)
            {
                return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }

    /// <summary>UIDs of the selected folder's messages without \Seen, oldest first.</summary>
    public async Task<IReadOnlyList<long>> UnseenAsync(CancellationToken cancellationToken)
    {
        var completion = Expect(await _connection.CommandAsync(cancellationToken, "UID SEARCH UNSEEN"), "UID SEARCH");
        var uids = new List<long>();
        foreach (var response in completion.Untagged.Where(r => r.Text.StartsWith("* SEARCH", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var word in response.Text[8..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (long.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
                {
                    uids.Add(uid);
                }
            }
        }
        uids.Sort();
        return uids;
    }

    /// <summary>The size of message <paramref name="uid"/> (RFC822.SIZE), or null when it is gone.</summary>
    public async Task<long?> SizeAsync(long uid, CancellationToken cancellationToken)
    {
        var completion = Expect(await _connection.CommandAsync(cancellationToken, "UID FETCH", Uid(uid), "(UID RFC822.SIZE)"), "UID FETCH");
        foreach (var response in completion.Untagged)
        {
            var match = Size().Match(response.Text);
            if (match.Success && FetchedUid(response.Text) == uid)
            {
                return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }
        return null;
    }

    /// <summary>Message <paramref name="uid"/>'s bytes, exactly as stored, without setting \Seen; null when it is gone.</summary>
    public async Task<byte[]?> FetchAsync(long uid, CancellationToken cancellationToken)
    {
        var completion = Expect(await _connection.CommandAsync(cancellationToken, "UID FETCH", Uid(uid), "(UID BODY.PEEK[])"), "UID FETCH");
        foreach (var response in completion.Untagged)
        {
            if (response.Literals.Count == 1 && response.Text.Contains("BODY[]", StringComparison.OrdinalIgnoreCase) && FetchedUid(response.Text) == uid)
            {
                return response.Literals[0];
            }
        }
        return null;
    }

    /// <summary>Adds <paramref name="flags"/> (e.g. <c>\Seen</c>) to message <paramref name="uid"/>.</summary>
    public async Task AddFlagsAsync(long uid, string flags, CancellationToken cancellationToken) =>
        Expect(await _connection.CommandAsync(cancellationToken, "UID STORE", Uid(uid), "+FLAGS.SILENT", "(" + flags + ")"), "UID STORE");

    /// <summary>Moves message <paramref name="uid"/> to <paramref name="folder"/>, flagged \Seen: UID MOVE where offered, else COPY and \Deleted.</summary>
    public async Task MoveAsync(long uid, string folder, CancellationToken cancellationToken)
    {
        await AddFlagsAsync(uid, @"\Seen", cancellationToken);
        if (_capabilities.Contains("MOVE"))
        {
            Expect(await _connection.CommandAsync(cancellationToken, "UID MOVE", Uid(uid), ImapConnection.AString(folder)), $"UID MOVE to {folder}");
            return;
        }
        Expect(await _connection.CommandAsync(cancellationToken, "UID COPY", Uid(uid), ImapConnection.AString(folder)), $"UID COPY to {folder}");
        await AddFlagsAsync(uid, @"\Deleted", cancellationToken);
    }

    /// <summary>Creates <paramref name="folder"/>; an existing folder is fine.</summary>
    public async Task CreateFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var completion = await _connection.CommandAsync(cancellationToken, "CREATE", ImapConnection.AString(folder));
        if (completion.Status != "OK" && !completion.Text.Contains("ALREADYEXISTS", StringComparison.OrdinalIgnoreCase))
        {
            throw new ImapException($"{_endpoint} refused CREATE {folder}: {completion.Text}");
        }
    }

    /// <summary>Appends <paramref name="message"/> to <paramref name="folder"/> (what a delivery does).</summary>
    public async Task AppendAsync(string folder, byte[] message, CancellationToken cancellationToken) =>
        Expect(await _connection.CommandAsync(cancellationToken, "APPEND", ImapConnection.AString(folder), message), $"APPEND to {folder}");

    /// <summary>The UIDs of every message in the selected folder (tests read the box with it).</summary>
    public async Task<IReadOnlyList<long>> AllAsync(CancellationToken cancellationToken)
    {
        var completion = Expect(await _connection.CommandAsync(cancellationToken, "UID SEARCH ALL"), "UID SEARCH");
        return completion.Untagged.Where(r => r.Text.StartsWith("* SEARCH", StringComparison.OrdinalIgnoreCase))
            .SelectMany(r => r.Text[8..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => long.Parse(w, CultureInfo.InvariantCulture)).Order().ToList();
    }

    /// <summary>The flags of message <paramref name="uid"/> as the server lists them.</summary>
    public async Task<string> FlagsAsync(long uid, CancellationToken cancellationToken)
    {
        var completion = Expect(await _connection.CommandAsync(cancellationToken, "UID FETCH", Uid(uid), "(UID FLAGS)"), "UID FETCH");
        return completion.Untagged.Select(r => Flags().Match(r.Text)).FirstOrDefault(m => m.Success)?.Groups[1].Value ?? "";
    }

    public async Task LogoutAsync(CancellationToken cancellationToken) =>
        await _connection.CommandAsync(cancellationToken, "LOGOUT");

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task RefreshCapabilitiesAsync(CancellationToken cancellationToken)
    {
        var completion = Expect(await _connection.CommandAsync(cancellationToken, "CAPABILITY"), "CAPABILITY");
        _capabilities = new HashSet<string>(
            completion.Untagged.Where(r => r.Text.StartsWith("* CAPABILITY ", StringComparison.OrdinalIgnoreCase))
                .SelectMany(r => r.Text[13..].Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            StringComparer.OrdinalIgnoreCase);
    }

    private ImapCompletion Expect(ImapCompletion completion, string what) =>
        completion.Status == "OK" ? completion : throw new ImapException($"{_endpoint} refused {what}: {completion.Status} {completion.Text}");

    private static string Uid(long uid) => uid.ToString(CultureInfo.InvariantCulture);

    private static long? FetchedUid(string text) =>
        FetchUid().Match(text) is { Success: true } match ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>The capabilities in a <c>[CAPABILITY ...]</c> response code, or none.</summary>
    private static HashSet<string> Capabilities(string text)
    {
        var match = CapabilityCode().Match(text);
        return match.Success
            ? new HashSet<string>(match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"\[UIDVALIDITY (\d+)\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UidValidity();

    [GeneratedRegex(@"RFC822\.SIZE (\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Size();

    [GeneratedRegex(@"\bUID (\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FetchUid();

    [GeneratedRegex(@"FLAGS \(([^)]*)\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Flags();

    [GeneratedRegex(@"\[CAPABILITY ([^\]]*)\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CapabilityCode();
}
