using System.Text;
using System.Text.Json;
using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Http;
using TicketApi.Tickets;
using TicketApi.Triage;

namespace TicketApi.Tests.Http;

/// <summary>
/// The list's own JSON writer against the serializer it replaces: for any rows, the same bytes as a
/// <see cref="TicketPage"/> of <see cref="TicketDto"/>s serialised with the application's JSON settings.
/// </summary>
public sealed class TicketPageJsonTests
{
    private static readonly JsonSerializerOptions ApplicationJson = CreateApplicationJson();
    private static readonly JsonSerializerOptions IndentedJson = new(ApplicationJson) { WriteIndented = true };

    [Fact]
    public void Page_writer_writes_the_serializers_bytes_for_every_field_and_awkward_text()
    {
        var triaged = Entity(7, "Printer \"jams\" <again> & 'often' — café ☕ 😀", "Line one\nline\ttwo\u0001 </script>");
        triaged.Apply(TicketTriaging.WithHuman(Record("mentions \"printer\" <b>"), priority: "URGENT", category: null));
        triaged.RequesterName = "Zoë Ångström";
        triaged.RequesterEmail = "zoe+desk@example.com";
        triaged.FirstResponseAt = new DateTime(2025, 2, 1, 8, 0, 0, DateTimeKind.Utc).AddTicks(10);
        triaged.ResolvedAt = new DateTime(2025, 2, 2, 9, 30, 0, DateTimeKind.Utc);
        triaged.ClosedAt = DateTime.SpecifyKind(DateTime.MaxValue.AddTicks(-9), DateTimeKind.Utc);
        triaged.ResolutionStatus = TicketStatus.Closed;
        var untriaged = Entity(8, "", "");
        untriaged.Priority = 0;
        untriaged.ResolutionStatus = TicketStatus.Resolved;
        var plain = Entity(9, "Email outage", "Outbound mail is failing.");
        plain.Apply(Record("mentions \"email\""));

        TicketEntity[] rows = [triaged, untriaged, plain];
        var expected = JsonSerializer.SerializeToUtf8Bytes(
            new TicketPage(1234, "http://localhost/api/tickets/?page=3&search=caf%C3%A9", "http://localhost/api/tickets/?a=<b>&page=1", [.. rows.Select(r => r.ToDto())]),
            ApplicationJson);

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(Write(1234, "http://localhost/api/tickets/?page=3&search=caf%C3%A9", "http://localhost/api/tickets/?a=<b>&page=1", rows)));
    }

    [Fact]
    public void Page_writer_writes_an_empty_page_as_the_serializer_does()
    {
        var expected = JsonSerializer.SerializeToUtf8Bytes(new TicketPage(0, null, null, []), ApplicationJson);

        Assert.Equal(expected, Write(0, null, null, []));
    }

    [Fact]
    public void Page_writer_refuses_a_stored_triage_record_that_is_not_json_instead_of_writing_a_broken_page()
    {
        var broken = Entity(1, "Broken record", "Left by another writer.");
        broken.Triage = "{\"status\":\"done\",";

        Assert.ThrowsAny<JsonException>(() => Write(1, null, null, [broken]));
    }

    [Fact]
    public void Records_stored_another_way_are_written_as_the_serializer_writes_them()
    {
        var record = Record("mentions \"jams\" <b> 😀");
        var legacy = Entity(1, "Stored before the wire escaping", "x");
        legacy.Apply(record);
        legacy.Triage = JsonSerializer.Serialize(record, TicketJsonContext.Default.TicketTriage); // \u0022 for a quote
        var spaced = Entity(2, "Stored by another program", "y");
        spaced.Apply(record);
        spaced.Triage = JsonSerializer.Serialize(record, IndentedJson);
        var emoji = Entity(3, "Emoji in a reason", "z");
        emoji.Apply(record);

        TicketEntity[] rows = [legacy, spaced, emoji];
        var expected = JsonSerializer.SerializeToUtf8Bytes(new TicketPage(3, null, null, [.. rows.Select(r => r.ToDto())]), ApplicationJson);

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(Write(3, null, null, rows)));
    }

    [Fact]
    public void Records_the_service_stores_go_out_as_stored_unless_they_hold_a_unicode_escape()
    {
        var stored = Entity(1, "Printer", "x");
        stored.Apply(Record("mentions \"printer\" <b> & café"));
        var legacy = JsonSerializer.Serialize(stored.TriageRecord!, TicketJsonContext.Default.TicketTriage);

        Assert.True(StoredTriageJson.IsWireReady(stored.Triage!, ApplicationJson.Encoder));
        Assert.False(StoredTriageJson.IsWireReady(legacy, ApplicationJson.Encoder));
        Assert.False(StoredTriageJson.IsWireReady(stored.Triage!, System.Text.Encodings.Web.JavaScriptEncoder.Default));
    }

    private static byte[] Write(long count, string? next, string? previous, IReadOnlyList<TicketEntity> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = ApplicationJson.Encoder }))
        {
            TicketPageJson.Write(writer, ApplicationJson, count, next, previous, rows);
        }
        return stream.ToArray();
    }

    private static TicketEntity Entity(long id, string title, string description) => new()
    {
        Id = id,
        Title = title,
        Description = description,
        Created = new DateTime(2025, 1, 8, 14, 15, 22, DateTimeKind.Utc).AddTicks(1234560),
        Updated = new DateTime(2025, 1, 9, 0, 0, 0, DateTimeKind.Utc),
        ResolutionStatus = TicketStatus.Open,
    };

    private static TicketTriage Record(string reason) => new(
        TicketTriage.Done,
        new DateTime(2025, 1, 8, 14, 15, 22, DateTimeKind.Utc).AddTicks(10),
        new TriagedValue("HARDWARE", 0.873, reason, "rules"),
        new TriagedValue("HIGH", 1.0, "set by a person", "human"),
        new TriagedValue("NEGATIVE", 0.5, "mentions \"jams\" — ärgerlich", "rules"));

    /// <summary>The settings the application serialises responses with (TicketApiExtensions adds the context the same way).</summary>
    private static JsonSerializerOptions CreateApplicationJson()
    {
        var options = new Microsoft.AspNetCore.Http.Json.JsonOptions().SerializerOptions;
        options.TypeInfoResolverChain.Insert(0, TicketJsonContext.Default);
        return options;
    }
}
