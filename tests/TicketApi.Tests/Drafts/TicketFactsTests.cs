using TicketApi.Drafts.Writing;
using TicketApi.KnowledgeBase;

namespace TicketApi.Tests.Drafts;

/// <summary>What a ticket's words state for the FINAL-or-follow-up decision (docs/drafts.md, "Writing a draft: FINAL or NEEDS_FOLLOW_UP").</summary>
public sealed class TicketFactsTests
{
    [Theory]
    [InlineData("PowerPoint quits after the splash screen, there is no error at all.", false)]
    [InlineData("PowerPoint quits after the splash screen and never shows any error.", false)]
    [InlineData("PowerPoint quits after the splash screen with an error.", true)]
    public void An_error_said_not_to_show_is_no_error_text_to_ask_for(string text, bool mentionsError) =>
        Assert.Equal(mentionsError, TicketFacts.Of(text).MentionsUnquotedError);

    [Theory]
    [InlineData("A text claiming to be the bank asked for my login. I did not open or click the link.", false)]
    [InlineData("A text claiming to be the bank asked for my login; I have not replied, opened or clicked anything.", false)]
    [InlineData("A text claiming to be the bank asked for my login and I clicked the link.", true)]
    [InlineData("My work mobile was stolen from my bag on the bus.", true)]
    [InlineData("I lost my laptop at the airport.", true)]
    public void A_security_incident_is_an_act_that_happened_or_a_lost_device_and_not_a_denied_one(string text, bool incident) =>
        Assert.Equal(incident, TicketFacts.Of(text).SecurityIncident);

    [Theory]
    [InlineData("Half of the payroll team cannot open the shared drive.", true)]
    [InlineData("Two colleagues and I lose the connection every afternoon.", true)]
    [InlineData("It is not just me, the whole site lost the Wi-Fi.", true)]
    [InlineData("My scanner stopped working; other people on the floor scan fine.", false)]
    [InlineData("It only happens on my laptop, everyone else is fine.", false)]
    [InlineData("It took half an hour to start this morning.", false)]
    public void Several_people_hit_is_said_many_ways_and_others_being_fine_says_the_opposite(string text, bool several) =>
        Assert.Equal(several, TicketFacts.Of(text).SeveralPeople);

    [Theory]
    [InlineData("The charger gets very hot, is it safe to keep using it?", true)]
    [InlineData("The power brick gave me an electric shock.", true)]
    [InlineData("Outlook starts fine in safe mode.", false)]
    public void A_question_about_safety_is_a_hazard(string text, bool hazard) =>
        Assert.Equal(hazard, TicketFacts.Of(text).SafetyHazard);

    [Theory]
    [InlineData("Could I order a new headset? Mine is fine but a bigger one would help.", true)]
    [InlineData("We need to purchase five more licences for the design tool.", true)]
    [InlineData("My headset crackles in every call.", false)]
    public void A_purchase_or_approval_needs_staff_and_asks_who_approves(string text, bool purchase)
    {
        var facts = TicketFacts.Of(text);

        Assert.Equal(purchase, facts.PurchaseOrApproval);
        Assert.Equal(purchase, facts.NeedsStaff);
        Assert.Equal(purchase, facts.Questions(3).Contains(TicketFacts.PurchaseQuestion));
    }

    [Fact]
    public void A_short_shop_request_that_gives_its_order_number_is_not_too_terse_but_other_short_ones_are()
    {
        var shop = Article("BILLING", []);
        var laptop = Article("HARDWARE", ["laptop"]);

        Assert.False(TicketFacts.Of("Invoice PDF for order 88123 please").TooTerseFor(shop));
        Assert.True(TicketFacts.Of("Invoice PDF please").TooTerseFor(shop));
        Assert.True(TicketFacts.Of("laptop 88123 dead").TooTerseFor(laptop));
    }

    private static Article Article(string category, IReadOnlyList<string> tags) =>
        new(1, "a", "A", category, tags, "## Steps\n1. Do it.", "- Likely cause: x.", DateTime.UnixEpoch, DateTime.UnixEpoch, 1);
}
