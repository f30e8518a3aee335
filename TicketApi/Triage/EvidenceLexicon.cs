namespace TicketApi.Triage;

/// <summary>
/// Phrase lists per label whose hits are added, weighted, to the learned model's log scores (a log-linear
/// combination; the weight is fitted with the temperature on out-of-fold predictions, so a lexicon that
/// does not help gets weight 0). A few hundred training tickets cannot contain every printer model, app
/// name or way of being annoyed; these lists, taken from the label guidelines (docs/triage-labels.md) and
/// everyday helpdesk wording, are how a ticket about a "plotter" or "Okta" still lands in the right
/// category (docs/triage.md, "How a ticket is triaged", step 4).
/// </summary>
internal sealed class EvidenceLexicon
{
    private readonly int quietLabel;

    /// <param name="lists">One list per label, in label order (empty: no words for that label).</param>
    /// <param name="quietLabel">The label that gets one hit when no list matches at all (-1: none).</param>
    public EvidenceLexicon(PhraseList[] lists, int quietLabel = -1)
    {
        Lists = lists;
        this.quietLabel = quietLabel;
    }

    /// <summary>The label lists, in label order.</summary>
    public PhraseList[] Lists { get; }

    /// <summary>
    /// How many distinct phrases of each label's list the ticket contains, in label order, read from the one scan
    /// of all phrase lists (<see cref="TriagePhrases"/>), and per label where the first of its phrases is in the
    /// text (-1: none), for the reason.
    /// </summary>
    public void Read(PhraseMatches found, Span<double> hits, Span<int> starts, Span<int> lengths)
    {
        var any = false;
        for (var c = 0; c < Lists.Length; c++)
        {
            hits[c] = found.Distinct(Lists[c]);
            (starts[c], lengths[c]) = found.First(Lists[c]);
            any |= hits[c] > 0;
        }
        if (!any && quietLabel >= 0)
        {
            hits[quietLabel] = 1;
        }
    }

    public static EvidenceLexicon For(TriageField field) => field switch
    {
        TriageField.Category => GuidelineLexicons.Category,
        TriageField.Priority => GuidelineLexicons.Priority,
        _ => GuidelineLexicons.Sentiment,
    };
}

/// <summary>The lexicon of each field (see <see cref="EvidenceLexicon"/>).</summary>
internal static class GuidelineLexicons
{
    /// <summary>The subjects each category's guideline names, plus the everyday words for them.</summary>
    public static readonly EvidenceLexicon Category = new(
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
    ]);

    /// <summary>Impact and urgency cues, in LOW, NORMAL, HIGH, URGENT order.</summary>
    public static readonly EvidenceLexicon Priority = new(
    [
        // LOW: questions, wishes, cosmetic, explicit patience
        new("how do i", "how can i", "how to", "is there a way", "is it possible", "question", "wondering", "would like",
            "would be nice", "would love", "feature", "suggestion", "idea", "cosmetic", "no rush", "no hurry", "whenever",
            "not urgent", "when you have time", "at some point", "curious", "just wanted", "fyi", "any chance", "where can i",
            "who do i", "do you accept", "do you offer", "entitled", "policy", "nice to have", "not a priority", "low priority"),
        // NORMAL: broken with a workaround, needed in the next days
        new("workaround", "for now", "this week", "next week", "by friday", "by monday", "by wednesday", "tomorrow",
            "can manage", "still works", "for the moment", "in the meantime", "meanwhile", "sometimes", "intermittent*",
            "borrowed", "other devices", "works fine", "annoying", "slow"),
        // HIGH: one person blocked, a deadline today, money or safety at stake
        new("today", "this afternoon", "tonight", "this morning", "deadline", "due at", "due by", "presentation",
            "in an hour", "in two hours", "asap", "urgent*", "can't work", "cannot work", "locked out", "won't boot",
            "won't turn on", "nothing works", "charged twice", "double charge*", "refund", "stolen", "lost my", "blocked",
            "exam", "demo", "client meeting", "can't do anything", "no other", "no spare", "wrong amount", "charged",
            "swelling", "swollen", "hazard", "hurt", "right now", "immediately"),
        // URGENT: many people or a business-critical service down now, security incidents
        new("everyone", "everybody", "all users", "all staff", "whole", "entire", "company-wide", "all customers",
            "all our customers", "outage", "is down", "are down", "nobody can", "no one can", "ransomware", "phishing",
            "hacked", "compromised", "production", "all sites", "hundreds", "overheat*", "flood*", "fire", "smoke",
            "trapped", "breach", "every workstation", "none of our", "all orders", "no orders", "revenue", "p1"),
    ]);

    /// <summary>Tone cues, in NEGATIVE, NEUTRAL, POSITIVE order; a ticket with none of them reads as neutral.</summary>
    public static readonly EvidenceLexicon Sentiment = new(
    [
        // NEGATIVE: frustration, anger, complaint, sarcasm, worry, threats to leave
        new("fed up", "ridiculous", "unacceptable", "sick of", "disgust*", "furious", "not happy", "unhappy", "annoy*",
            "frustrat*", "seriously", "useless", "terrible", "awful", "worst", "angry", "outrage*", "joke", "third time",
            "fourth time", "nobody cares", "still waiting", "still nothing", "worried", "worry", "panic*", "scared",
            "desperate*", "stressed", "nightmare", "again", "every single", "nobody ever", "come on", "driving me",
            "waste", "wasted", "costing", "embarrass*", "look like an idiot", "unprofessional", "horrible", "pathetic",
            "shocking", "disappoint*", "complain*", "competitor", "lawyer", "how hard", "ugh", "great timing",
            "thanks for nothing", "oh wonderful", "oh great", "please help", "afraid", "anxious", "upset", "hate",
            "can't believe", "unbelievable", "stupid", "mess", "sloppy", "honestly", "not ok", "chasing", "fault",
            "demand", "i want a", "explain this", "!!!", "??", "yet again", "as usual", "highlight of", "clearly"),
        new(),
        // POSITIVE: thanks beyond politeness, praise, warmth
        new("thank you so much", "thanks so much", "thanks a lot", "thanks a million", "many thanks for", "you're the best",
            "you are the best", "the best", "lifesaver", "life saver", "star", "stars", "hero", "brilliant", "fantastic",
            "amazing", "awesome", "love", "adore", "huge thanks", "big thanks", "appreciate*", "much appreciated",
            "wonderful", "great job", "so happy", "happy", "delighted", "superb", "you rock", "legend", "flawless",
            "perfect*", "like a charm", "lovely", "thanks again", "merry christmas", "happy new year", "looking forward",
            "great news", "kudos", "grateful", "glad", "excited", "enjoy*", "kind", "patient", "helpful", ":)", ":-)",
            "🙂", "😊", "🎉", "hope you're well", "hope you are well", "have a great", "have a nice", "cheers!",
            "no stress", "no worries", "booming", "fab", "cheerful"),
    ], quietLabel: 1);
}
