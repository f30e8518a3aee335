namespace TicketApi.Triage;

/// <summary>
/// The subjects the category guidelines name (docs/triage-labels.md), as word lists per category, plus the
/// everyday words people use for them. A few hundred training tickets cannot contain every printer model
/// or app name; this list is how a ticket about a "plotter" or "Okta" still lands in the right category.
/// The learned model and the lexicon are combined log-linearly: each category gets
/// <c>weight × (number of its phrases found)</c> added to its log score, the weight fitted by
/// cross-validation together with the temperature (docs/triage.md, "Category lexicon").
/// </summary>
internal static class TopicLexicon
{
    private static readonly PhraseList[] Lists =
    [
        // ACCOUNT
        new("log in", "login", "log on", "logon", "sign in", "sign-in", "signin", "signing in", "logging in", "password*",
            "passcode", "locked out", "lockout", "account locked", "mfa", "2fa", "two-factor", "two factor", "multi-factor",
            "authenticator", "verification code", "sso", "single sign-on", "access right*", "permission*", "access to the",
            "access denied", "give access", "read access", "write access", "admin rights", "new account", "user account",
            "account for", "leaver", "disable the account", "deactivate", "username", "credentials", "okta", "active directory",
            "security group", "group membership", "guest account", "re-enable", "reset link"),
        // NETWORK
        new("vpn", "wifi", "wi-fi", "wireless", "wlan", "ssid", "eduroam", "network", "ethernet", "lan cable", "network cable",
            "network socket", "internet", "dns", "firewall", "proxy", "ip address", "static ip", "dhcp", "router", "switch port",
            "access point", "bandwidth", "latency", "packet loss", "ping", "connection drop*", "keeps dropping", "disconnect*",
            "globalprotect", "anyconnect", "tunnel", "port 22", "port 443", "mbit", "speed test", "hotspot", "signal",
            "no connection", "connectivity", "remote desktop", "rdp", "unreachable", "nslookup", "resolve"),
        // EMAIL
        new("email*", "e-mail*", "mail", "mailbox", "shared mailbox", "inbox", "outbox", "outlook", "owa", "exchange",
            "distribution list", "mailing list", "spam", "junk", "phishing email", "calendar", "meeting invite*", "invite*",
            "out-of-office", "out of office", "auto-reply", "signature", "alias", "bounce*", "undeliverable", "smtp", "imap",
            "thunderbird", "gmail", "attachment", "forwarding", "mail sync", "delegate", "blacklist", "blocklist"),
        // HARDWARE
        new("laptop", "desktop pc", "computer", "monitor*", "screen", "display", "dock", "docking station", "printer*",
            "print*", "toner", "scanner", "paper jam", "jammed", "keyboard", "mouse", "headset", "webcam", "phone", "iphone",
            "handset", "desk phone", "battery", "charger", "power supply", "usb", "cable", "adapter", "hard drive", "ssd",
            "fan", "won't turn on", "won't boot", "broken", "cracked", "spilled", "dead pixel*", "hardware", "device",
            "tablet", "ipad", "projector", "barcode scanner", "stolen", "lost my", "replacement", "new equipment", "speaker*"),
        // SOFTWARE
        new("software", "app", "application", "install*", "uninstall", "update*", "upgrade", "licen*", "crash*",
            "freez*", "error message", "bug", "excel", "word", "powerpoint", "teams", "zoom", "chrome", "firefox", "browser",
            "adobe", "acrobat", "pdf", "sap", "autocad", "matlab", "visio", "java", "windows update", "macos", "operating system",
            "driver", "plugin", "plug-in", "add-in", "version", "malware", "virus", "ransomware", "antivirus", "onedrive",
            "sharepoint", "power bi", "not responding", "blue screen", "reinstall", "macro", "database", "file is corrupt*"),
        // BILLING
        new("invoice*", "billing", "bill", "charge*", "charged", "payment*", "pay", "paid", "refund*", "receipt*",
            "subscription*", "plan", "pricing", "price", "discount", "credit note", "card", "checkout", "paypal",
            "apple pay", "google pay", "vat", "tax", "purchase order", "po number", "renewal", "cancel my subscription",
            "upgrade to", "annual", "monthly", "euros", "dollars", "€", "$"),
        // OTHER
        new("parking", "canteen", "kitchen", "coffee", "heating", "air conditioning", "lift", "elevator", "facilities",
            "desk move", "office move", "room booking", "book a room", "training room", "business cards", "policy",
            "feedback", "delivery", "delivered", "parcel", "tracking", "return", "exchange it", "wrong item", "size",
            "order status", "opening hours", "christmas", "newsletter", "thank you", "question", "door", "water",
            "power cut", "cleaning", "noise", "light*", "toilet", "furniture", "chair", "badge", "key card"),
    ];

    /// <summary>How many distinct phrases of each category's list the ticket contains, in label order.</summary>
    public static void Count(ReadOnlySpan<char> text, Span<double> hits)
    {
        for (var c = 0; c < Lists.Length; c++)
        {
            hits[c] = Lists[c].CountDistinct(text);
        }
    }
}
