namespace TicketApi.Tests.Triage;

/// <summary>Each rule the label guidelines make explicit (docs/triage.md, "How a ticket is triaged", step 5), on wording not in the training set.</summary>
[Collection(TrainedTriagerGroup.Name)]
public sealed class GuidelineRuleTests(TrainedTriager trained)
{
    [Fact]
    public void Whole_office_offline_is_urgent_because_many_people_are_affected()
    {
        var outcome = trained.Triage("Nothing works here", "The whole office is offline since 9, none of the desks can reach the internet.");

        Assert.Equal("URGENT", outcome.Priority.Value);
        Assert.Contains("whole office", outcome.Priority.Reason, StringComparison.Ordinal);
        Assert.Contains("many people", outcome.Priority.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_people_with_a_workaround_are_not_an_outage()
    {
        var outcome = trained.Triage("Slow shared drive", "Everyone on floor 2 finds the shared drive slow today; copying locally first works as a workaround.");

        Assert.NotEqual("URGENT", outcome.Priority.Value);
    }

    [Fact]
    public void No_rush_makes_a_broken_thing_low()
    {
        var outcome = trained.Triage("Monitor stand wobbly", "The stand of my second monitor wobbles a bit. No rush at all.");

        Assert.Equal("LOW", outcome.Priority.Value);
        Assert.Contains("\"no rush\"", outcome.Priority.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_urgent_is_read_as_a_negation_and_gives_low()
    {
        var outcome = trained.Triage("Keyboard key sticks", "Not urgent: the space bar on my keyboard sticks now and then.");

        Assert.Equal("LOW", outcome.Priority.Value);
        Assert.Contains("not urgent", outcome.Priority.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Clicking_a_phishing_link_and_entering_a_password_is_an_urgent_account_incident()
    {
        var outcome = trained.Triage("I think I messed up", "I clicked a phishing link in an email and entered my password on the page before I noticed.");

        Assert.Equal("URGENT", outcome.Priority.Value);
        Assert.Equal("ACCOUNT", outcome.Category.Value);
        Assert.Contains("phishing", outcome.Category.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ransomware_is_an_urgent_software_incident()
    {
        var outcome = trained.Triage("Strange files", "A ransom note appeared on the file server and the documents all end in .crypt now. Looks like ransomware.");

        Assert.Equal("URGENT", outcome.Priority.Value);
        Assert.Equal("SOFTWARE", outcome.Category.Value);
    }

    [Fact]
    public void Cant_log_in_to_outlook_is_account_because_signing_in_wins_over_the_system()
    {
        var outcome = trained.Triage("Outlook", "I can't log in to Outlook, it rejects my password since this morning.");

        Assert.Equal("ACCOUNT", outcome.Category.Value);
    }

    [Fact]
    public void A_failed_checkout_is_billing_even_when_the_cause_is_a_software_error()
    {
        var outcome = trained.Triage("Cannot buy", "The checkout shows an error 500 every time I try to pay for my basket.");

        Assert.Equal("BILLING", outcome.Category.Value);
    }

    [Fact]
    public void One_person_fully_blocked_is_at_least_high()
    {
        var outcome = trained.Triage("Laptop", "My laptop won't boot this morning and I have no other computer to work on.");

        Assert.Contains(outcome.Priority.Value, new[] { "HIGH", "URGENT" });
    }

    [Fact]
    public void A_swelling_battery_is_a_safety_hazard_and_at_least_high()
    {
        var outcome = trained.Triage("Battery", "The battery of my phone is swelling and the back cover is lifting.");

        Assert.Contains(outcome.Priority.Value, new[] { "HIGH", "URGENT" });
    }

    [Fact]
    public void Warm_thanks_and_praise_are_positive()
    {
        var outcome = trained.Triage("Thank you!", "Thank you so much for setting up my new laptop yesterday, you are the best!");

        Assert.Equal("POSITIVE", outcome.Sentiment.Value);
    }

    [Fact]
    public void Politeness_alone_is_neutral()
    {
        var outcome = trained.Triage("Toner", "Please replace the toner in the printer on floor 4. Thanks in advance.");

        Assert.Equal("NEUTRAL", outcome.Sentiment.Value);
    }

    [Fact]
    public void Sarcasm_is_negative()
    {
        var outcome = trained.Triage("printer", "Oh wonderful, the printer ate my contract again. Truly the highlight of my week.");

        Assert.Equal("NEGATIVE", outcome.Sentiment.Value);
        Assert.Contains("sarcasm", outcome.Sentiment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Shouted_urgency_on_a_how_to_question_is_not_urgent()
    {
        var outcome = trained.Triage("URGENT!!!", "How do I change the font size in the Outlook reading pane? URGENT!!!");

        Assert.NotEqual("URGENT", outcome.Priority.Value);
    }
}
