using AgentHost.Chat.Planner.Intents;
using static AgentHost.Tests.Planner.Intents.IntentProbe;

namespace AgentHost.Tests.Planner.Intents;

public class AddMessageRuleTests
{
    private readonly AddMessageRule _rule = new();

    [Theory]
    [InlineData("add a note to 12: waiting on the vendor", """add_message {"body":"waiting on the vendor","kind":"note","ticket_id":12}""")]
    [InlineData("add an internal note on 68 saying the part is on order", """add_message {"body":"the part is on order","kind":"note","ticket_id":68}""")]
    [InlineData("reply to 69: We've reset your password, please try again", """add_message {"body":"We've reset your password, please try again","kind":"reply","ticket_id":69}""")]
    [InlineData("tell the customer on 70 that a technician comes tomorrow", """add_message {"body":"a technician comes tomorrow","kind":"reply","ticket_id":70}""")]
    public void Dictated_words_go_onto_the_ticket_exactly_as_said(string words, string expected) =>
        Assert.Equal(expected, Probe(_rule, words));

    [Fact]
    public void A_number_in_the_dictated_words_is_not_the_ticket() =>
        Assert.Equal("""add_message {"body":"replaced the toner in printer 7","kind":"note","ticket_id":12}""",
            Probe(_rule, "add a note to 12: replaced the toner in printer 7"));

    [Fact]
    public void A_note_without_a_ticket_goes_on_the_ticket_an_earlier_clause_named() =>
        Assert.Equal("""add_message {"body":"fixed by replacing the cable","kind":"note","ticket_id":4}""",
            Probe(_rule, "add a note: fixed by replacing the cable", earlierIds: [4]));

    [Fact]
    public void A_note_with_no_ticket_at_all_asks_which() =>
        Assert.StartsWith("ask: Which ticket should the note go on?", Probe(_rule, "add a note: call back later"));
}
