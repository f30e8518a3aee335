using System.Globalization;
using System.Text.Json.Nodes;

namespace TicketApi.Tests.Channels.Freshdesk;

/// <summary>A ticket as the fake Freshdesk holds it, written out as Freshdesk's v2 API spells it.</summary>
public sealed class FakeTicket
{
    public long Id { get; init; }
    public string Subject { get; set; } = "";
    public string DescriptionText { get; set; } = "";
    public long RequesterId { get; init; }
    public string RequesterName { get; set; } = "";
    public string RequesterEmail { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<FakeConversation> Conversations { get; } = [];

    public JsonNode ToJson(bool requester, bool description)
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["subject"] = Subject,
            ["status"] = 2,
            ["priority"] = 1,
            ["source"] = 1,
            ["requester_id"] = RequesterId,
            ["created_at"] = Stamp(CreatedAt),
            ["updated_at"] = Stamp(UpdatedAt),
        };
        if (description)
        {
            json["description"] = "<div>" + DescriptionText + "</div>";
            json["description_text"] = DescriptionText;
        }
        if (requester)
        {
            json["requester"] = new JsonObject { ["id"] = RequesterId, ["name"] = RequesterName, ["email"] = RequesterEmail, ["mobile"] = null, ["phone"] = null };
        }
        return json;
    }

    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

/// <summary>One conversation (reply, customer message or private note) of a <see cref="FakeTicket"/>.</summary>
public sealed class FakeConversation
{
    public long Id { get; init; }
    public string Body { get; init; } = "";
    public string BodyText { get; init; } = "";
    public bool Incoming { get; init; }
    public bool Private { get; init; }
    public long UserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public JsonNode ToJson() => new JsonObject
    {
        ["id"] = Id,
        ["body"] = Body,
        ["body_text"] = BodyText,
        ["incoming"] = Incoming,
        ["private"] = Private,
        ["user_id"] = UserId,
        ["created_at"] = FakeTicket.Stamp(CreatedAt),
        ["updated_at"] = FakeTicket.Stamp(CreatedAt),
    };
}
