namespace TicketApi.Triage;

/// <summary>The explicit guideline rules (docs/triage.md, "How a ticket is triaged", step 5); each has a measured precision.</summary>
public enum TriageRule
{
    SecurityIncident,
    Emergency,
    ManyPeopleOutage,
    NoRush,
    SafetyHazard,
    PersonBlocked,
    MoneyAtStake,
    PhishedPassword,
    Malware,
    FailedPayment,
    SignInProblem,
    Sarcasm,
    Praise,
}

/// <summary>
/// A rule's answer for one field. <see cref="AtLeast"/> rules only raise a priority the model set lower
/// ("a single person fully blocked is at least HIGH").
/// </summary>
internal readonly record struct RuleDecision(TriageRule Rule, string Value, string Reason, bool AtLeast = false);

/// <summary>
/// What the label guidelines make explicit, written as phrase rules that win over the learned model
/// (docs/triage.md, "How a ticket is triaged", step 5). Rules are checked in the order below: the first that fires decides the field.
/// Everything the guidelines leave to judgement is left to the model.
/// </summary>
internal static class TriageRules
{
    private static readonly PhraseList Ransomware = new(
        "ransomware", "ransom note", ".lockbit", "files have been encrypted", "files are encrypted", "encrypted all",
        "malware", "trojan", "virus", "infected", "keylogger", "cryptolocker");
    private static readonly PhraseList Phishing = new(
        "phishing", "phish*", "fake login", "fake page", "suspicious link", "clicked the link", "clicked a link",
        "clicked on the link", "clicked on a link", "clicked it", "dodgy link", "scam email");
    private static readonly PhraseList Credentials = new(
        "entered my password", "typed my password", "typed in my", "entered my", "put in my password", "my password",
        "username and password", "credentials", "my login", "gave my", "entered our");
    private static readonly PhraseList UnpromptedSignIn = new(
        "mfa prompts", "mfa requests", "approve sign-in", "push notifications i didn't", "sign-in requests i didn't",
        "didn't start", "did not start", "someone has his password", "someone has her password", "someone has my password",
        "account has been hacked", "account was hacked", "been hacked", "compromised");

    private static readonly PhraseList ServerRoom = new("server room", "server racks", "the racks", "comms room", "network cabinet", "data centre", "data center");
    private static readonly PhraseList Overheating = new("overheat*", "too hot", "temperature", "air conditioning", "aircon", "water", "flood*", "leak*", "smoke", "fire");
    private static readonly PhraseList PeopleTrapped = new("stuck between floors", "trapped", "people inside", "stuck in the lift", "stuck in the elevator");

    private static readonly PhraseList ManyPeople = new(
        "whole office", "entire office", "whole company", "entire company", "company-wide", "company wide", "companywide",
        "everyone", "everybody", "all users", "all staff", "all customers", "all our customers", "none of our customers",
        "no customer", "nobody can", "nobody in", "no one can", "no one in", "noone", "all sites", "all branches",
        "whole building", "whole floor", "entire floor", "whole team", "entire team", "whole department", "all of us",
        "every workstation", "every user", "every customer", "all employees", "all workstations", "whole site",
        "whole campus", "whole hospital", "all offices", "for all", "all stores", "every store", "all tills",
        "whole school", "hundreds of", "all our", "every single customer", "all the", "several people");
    private static readonly PhraseList Outage = new(
        "down", "offline", "outage", "not working", "stopped working", "no internet", "unreachable", "unavailable",
        "can't access", "cannot access", "can't connect", "cannot connect", "can't send", "cannot send", "can't log",
        "cannot log", "can't complete", "cannot complete", "fails", "failing", "failed", "no service", "no power",
        "not responding", "doesn't work", "don't work", "503", "502", "went dark", "no connection", "no network",
        "no wifi", "no email", "rejected", "can't work", "cannot work", "can't print", "blank page", "blank screen",
        "error for", "is broken", "are broken", "crashing", "crashes", "unable to");
    private static readonly PhraseList Degraded = new(
        "slow", "slower", "sluggish", "workaround", "work around", "intermittent*", "sometimes", "occasionally",
        "now and then", "laggy", "still works", "works fine", "can manage", "not a big deal", "no big deal");

    private static readonly PhraseList NoRushWords = new(
        "no rush", "no hurry", "not urgent", "nothing urgent", "whenever", "when you have time", "when you get a chance",
        "when you have a moment", "when you get a moment", "not a priority", "low priority", "not time-critical",
        "not time critical", "no urgency", "in your own time", "at your convenience", "when you can", "no stress",
        "not in a hurry", "not in a rush", "at some point", "whenever convenient", "when convenient");

    private static readonly PhraseList Hazard = new(
        "swelling", "swollen", "bulging", "smoking", "smoke", "sparks", "sparking", "burning smell", "smells like burning",
        "fraying", "frayed", "exposed wire*", "cracked glass", "glass panel", "electric shock", "got a shock", "get hurt",
        "getting hurt", "seriously hurt", "trip hazard", "tripping hazard");

    private static readonly PhraseList Blocked = new(
        "can't work", "cannot work", "can't do anything", "can't do any work", "can't do a single thing",
        "unable to work", "locked out", "won't boot", "doesn't boot", "will not boot", "won't turn on",
        "nothing to work on", "no other computer", "no spare", "completely blocked", "totally blocked",
        "can't log in to anything", "can't sign in to anything", "can't get any work done", "no way to work",
        "cannot do my job", "can't do my job", "stuck at home with no");

    private static readonly PhraseList MoneyWrong = new(
        "charged twice", "charged me twice", "double charge*", "charged 2 times", "charged 3 times", "charged three times",
        "duplicate charge*", "charged two times", "wrong amount", "overcharged", "charged the full price",
        "charged for two", "charged for 2", "money was taken", "money is gone", "money has been taken",
        "didn't make", "did not make", "unauthori*", "never received my refund", "still no refund", "refund never",
        "where is my refund", "still waiting for my refund");

    private static readonly PhraseList Payment = new(
        "payment", "checkout", "check out", "pay ", "paying", "card was", "my card", "credit card", "apple pay",
        "google pay", "paypal", "place my order", "place an order", "complete my order", "complete the order");
    private static readonly PhraseList PaymentFails = new(
        "fail*", "declined", "error", "doesn't go through", "won't go through", "didn't go through", "not going through",
        "blank", "spins", "not completed", "broken", "stuck", "rejected", "can't complete", "cannot complete",
        "unable to complete", "doesn't work", "won't let me", "not working");

    private static readonly PhraseList SignInTrouble = new(
        "can't log in", "cannot log in", "can't login", "cannot login", "can't sign in", "cannot sign in", "unable to log in",
        "unable to sign in", "won't let me log in", "won't let me sign in", "login fails", "login failed", "sign-in fails",
        "locked out", "account locked", "account is locked", "account has been locked", "password expired",
        "password has expired", "reset my password", "forgot my password", "forgotten my password", "password reset",
        "mfa", "2fa", "two-factor", "two factor", "authenticator", "verification code", "login loop",
        "asks for my password", "asks for password", "keeps asking for my password", "keeps asking for password",
        "asking for my password", "incorrect password", "wrong password", "access denied", "need access",
        "permission to access", "don't have access", "no access to", "lost access");

    private static readonly PhraseList SarcasmWords = new(
        "oh wonderful", "oh great", "oh joy", "oh fantastic", "oh brilliant", "another wonderful", "another great",
        "thanks for nothing", "highlight of my", "just great", "love how", "love that i", "great job, really",
        "what a surprise", "surprise surprise", "slow clap", "bravo", "yet again", "as usual", "how hard can it be",
        "10/10", "well done, really", "so much fun", "clearly nobody", "apparently nobody");

    private static readonly PhraseList PraiseWords = new(
        "thank you so much", "thanks so much", "thanks a lot", "thanks a million", "many thanks for",
        "you're the best", "you are the best", "you guys are the best", "lifesaver", "life saver", "you're stars",
        "you're a star", "an absolute star", "a hero", "he's a hero", "she's a hero", "brilliant", "fantastic",
        "amazing", "awesome", "i love", "i adore", "huge thanks", "big thanks", "really appreciate", "much appreciated",
        "wonderful", "great job", "so happy", "delighted", "superb", "you rock", "legend", "flawless", "perfect",
        "works like a charm", "lovely", "thanks again", "merry christmas", "happy new year", "looking forward",
        "great news", "kudos", "grateful");
    private static readonly PhraseList Complaint = new(
        "fed up", "ridiculous", "unacceptable", "sick of", "disgust*", "furious", "not happy", "annoy*",
        "frustrat*", "seriously", "useless", "terrible", "awful", "worst", "angry", "outrage*", "joke", "third time",
        "fourth time", "nobody cares", "still waiting", "still nothing", "worried", "panic*", "scared", "desperate*");

    /// <summary>Every list the rules read, scanned once per ticket with the lexicons' (<see cref="TriagePhrases"/>).</summary>
    public static readonly PhraseList[] Lists =
    [
        Ransomware, Phishing, Credentials, UnpromptedSignIn, ServerRoom, Overheating, PeopleTrapped, ManyPeople, Outage,
        Degraded, NoRushWords, Hazard, Blocked, MoneyWrong, Payment, PaymentFails, SignInTrouble, SarcasmWords,
        PraiseWords, Complaint,
    ];

    public static RuleDecision? Priority(PhraseMatches found)
    {
        if (found.TryFind(Ransomware, out var malware))
        {
            return new(TriageRule.SecurityIncident, "URGENT", $"security incident: \"{malware}\"");
        }
        if (found.TryFind(Phishing, out var lure) && found.TryFind(Credentials, out var given))
        {
            return new(TriageRule.SecurityIncident, "URGENT", $"\"{lure}\" + \"{given}\": credentials exposed");
        }
        if (found.TryFind(UnpromptedSignIn, out var takeover))
        {
            return new(TriageRule.SecurityIncident, "URGENT", $"\"{takeover}\": account may be taken over");
        }
        if (found.TryFind(ServerRoom, out var room) && found.TryFind(Overheating, out var threat))
        {
            return new(TriageRule.Emergency, "URGENT", $"\"{room}\" + \"{threat}\": business-critical equipment at risk now");
        }
        if (found.TryFind(PeopleTrapped, out var trapped))
        {
            return new(TriageRule.Emergency, "URGENT", $"\"{trapped}\": people in danger now");
        }
        if (found.TryFind(ManyPeople, out var many) && found.TryFind(Outage, out var outage) && !found.Contains(Degraded) && !found.Contains(NoRushWords))
        {
            return new(TriageRule.ManyPeopleOutage, "URGENT", $"\"{many}\" + \"{outage}\": many people affected now");
        }
        // A hazard or money at stake outweighs "no rush" (guidelines: both are HIGH for one person).
        if (found.TryFind(Hazard, out var hazard))
        {
            return new(TriageRule.SafetyHazard, "HIGH", $"\"{hazard}\": a physical safety hazard", AtLeast: true);
        }
        if (found.TryFind(MoneyWrong, out var money))
        {
            return new(TriageRule.MoneyAtStake, "HIGH", $"\"{money}\": money at stake for a customer", AtLeast: true);
        }
        if (found.TryFind(NoRushWords, out var relaxed))
        {
            return new(TriageRule.NoRush, "LOW", $"\"{relaxed}\": the requester can wait");
        }
        if (found.TryFind(Blocked, out var blocked))
        {
            return new(TriageRule.PersonBlocked, "HIGH", $"\"{blocked}\": one person cannot work", AtLeast: true);
        }
        return null;
    }

    public static RuleDecision? Category(PhraseMatches found)
    {
        if (found.TryFind(Phishing, out var lure) && found.TryFind(Credentials, out var given))
        {
            return new(TriageRule.PhishedPassword, "ACCOUNT", $"\"{lure}\" + \"{given}\": a phished password is an account incident");
        }
        if (found.TryFind(Ransomware, out var malware))
        {
            return new(TriageRule.Malware, "SOFTWARE", $"\"{malware}\": malware is filed under software");
        }
        if (found.TryFind(Payment, out var payment) && found.TryFind(PaymentFails, out var failure))
        {
            return new(TriageRule.FailedPayment, "BILLING", $"\"{payment.Trim()}\" + \"{failure}\": a failed payment is billing");
        }
        if (found.TryFind(SignInTrouble, out var signIn))
        {
            return new(TriageRule.SignInProblem, "ACCOUNT", $"\"{signIn}\": signing in wins over the system");
        }
        return null;
    }

    public static RuleDecision? Sentiment(PhraseMatches found)
    {
        if (found.TryFind(SarcasmWords, out var sarcasm))
        {
            return new(TriageRule.Sarcasm, "NEGATIVE", $"sarcasm: \"{sarcasm}\"");
        }
        if (found.TryFind(PraiseWords, out var praise) && !found.Contains(Complaint))
        {
            return new(TriageRule.Praise, "POSITIVE", $"warm: \"{praise}\"");
        }
        return null;
    }

    public static RuleDecision? For(TriageField field, PhraseMatches found) => field switch
    {
        TriageField.Category => Category(found),
        TriageField.Priority => Priority(found),
        _ => Sentiment(found),
    };
}
