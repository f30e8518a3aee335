using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Tickets;
using TicketApi.Triage;

namespace TicketApi.Tests.Triage;

/// <summary>
/// A ticket keeps the triage record it was given beside the stored text, so a create's audit diff and response
/// do not parse back what was just written; what they read must still be exactly what the stored text says.
/// </summary>
[Collection(TrainedTriagerGroup.Name)]
public sealed class TriageRecordKeptTests(TrainedTriager trained)
{
    // Microseconds, as every stored timestamp (TicketStore): the stored text holds no finer time.
    private static readonly DateTime TriagedAt = new(2026, 11, 22, 10, 0, 0, 123, 456, DateTimeKind.Utc);

    [Fact]
    public void A_ticket_answers_with_the_record_it_was_given_rather_than_parsing_its_text_again()
    {
        var ticket = new TicketEntity { Title = "VPN drops every hour", Description = "since this morning" };
        var record = TicketTriaging.Run(trained.Triager, ticket, kept: null, TriagedAt);

        ticket.Apply(record);

        Assert.Same(record, ticket.TriageRecord);
        Assert.Same(ticket.TriageRecord, ticket.TriageRecord);
    }

    [Fact]
    public void The_kept_record_equals_what_its_stored_text_reads_back_as_for_every_labelled_ticket()
    {
        foreach (var example in TriageTrainingSet.LoadEmbedded())
        {
            var ticket = new TicketEntity { Title = example.Title, Description = example.Description, RequesterName = example.RequesterName };
            ticket.Apply(TicketTriaging.Run(trained.Triager, ticket, kept: null, TriagedAt));

            Assert.Equal(StoredTriageJson.Deserialize(ticket.Triage!), ticket.TriageRecord);
        }
    }

    [Fact]
    public void New_stored_text_is_read_as_itself_and_never_answered_with_the_record_kept_before()
    {
        var ticket = new TicketEntity { Title = "Invoice twice", Description = "charged two times" };
        ticket.Apply(TicketTriaging.Run(trained.Triager, ticket, kept: null, TriagedAt));
        var other = new TicketTriage(TicketTriage.Done, TriagedAt,
            TicketTriaging.Human("EMAIL"), TicketTriaging.Human("LOW"), new("POSITIVE", 0.9, "thanks", "rules"));

        ticket.Triage = StoredTriageJson.Serialize(other); // as EF Core sets it when it reads a row
        Assert.Equal(other, ticket.TriageRecord);

        ticket.Triage = null;
        Assert.Null(ticket.TriageRecord);
    }

    [Fact]
    public void A_copy_made_to_change_keeps_reading_its_own_text()
    {
        var ticket = new TicketEntity { Title = "Printer jam", Description = "tray 2" };
        ticket.Apply(TicketTriaging.Run(trained.Triager, ticket, kept: null, TriagedAt));
        var next = ticket.Copy();
        var retriaged = TicketTriaging.WithHuman(ticket.TriageRecord!, "URGENT", null);

        next.Apply(retriaged);

        Assert.Same(retriaged, next.TriageRecord);
        Assert.NotEqual(retriaged, ticket.TriageRecord);
        Assert.Equal(StoredTriageJson.Deserialize(ticket.Triage!), ticket.TriageRecord);
    }
}
