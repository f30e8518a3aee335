using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Tickets;

namespace TicketApi.Tests.Triage;

/// <summary>The hand-written record writer against the generated serializer it replaces on the write path (docs/triage.md, "Speed").</summary>
public sealed class StoredTriageJsonTests
{
    private static readonly DateTime At = new(2026, 11, 22, 10, 0, 0, 123, 456, DateTimeKind.Utc);

    public static TheoryData<TicketTriage> Records =>
    [
        new(TicketTriage.Done, At,
            new("NETWORK", 0.999, "mentions \"VPN\", \"home\"", "rules"),
            new("HIGH", 0.5, "\"can't work\": one person cannot work", "rules"),
            new("NEUTRAL", 1, "no single word stands out; closest to similar training tickets", "rules")),
        new(TicketTriage.Pending, DateTime.SpecifyKind(At, DateTimeKind.Unspecified),
            TicketTriaging.Human("BILLING"), TicketTriaging.Human("URGENT"),
            new("POSITIVE", 1e-5, "warm: \"thanks a million 🙂\" <b>&amp;</b> 'quoted' \\ back\tslash\nline \u0001 é € \u2028", "model")),
        new(TicketTriage.Failed, At,
            new("OTHER", 0.1234567890123, "", "rules"),
            new("LOW", 0.0, "\"no rush\": the requester can wait", "rules"),
            new("NEGATIVE", 0.333, "sarcasm: \"oh great\"", "rules")),
        new(null!, At, null!, null!, null!),
    ];

    [Theory]
    [MemberData(nameof(Records))]
    public void The_record_is_written_byte_for_byte_as_the_generated_serializer_writes_it(TicketTriage record)
    {
        Assert.Equal(StoredTriageJson.SerializeGenerated(record), StoredTriageJson.Serialize(record));
    }

    [Fact]
    public void A_written_record_reads_back_equal()
    {
        var record = new TicketTriage(TicketTriage.Done, At,
            new("EMAIL", 0.87, "mentions \"Outlook\"", "rules"), TicketTriaging.Human("HIGH"), new("NEUTRAL", 0.6, "x", "rules"));

        Assert.Equal(record, StoredTriageJson.Deserialize(StoredTriageJson.Serialize(record)));
    }
}
