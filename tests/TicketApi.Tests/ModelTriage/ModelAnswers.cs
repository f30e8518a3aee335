using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTickets.Testing;

namespace TicketApi.Tests.ModelTriage;

/// <summary>Answers the fake model gives, in the shape of the triage schema (docs/triage.md, "Triage by a model").</summary>
public static class ModelAnswers
{
    public static string Json(string category, string priority, string sentiment, double confidence = 0.9) => JsonSerializer.Serialize(new
    {
        category = new { reason = $"model says {category}", value = category, confidence },
        priority = new { reason = $"model says {priority}", value = priority, confidence },
        sentiment = new { reason = $"model says {sentiment}", value = sentiment, confidence },
    });

    /// <summary>Values the offline triager would not give a VPN ticket, so a test can tell whose answer it sees.</summary>
    public static FakeReply HardwareUrgentPositive() => FakeReply.Completion(Json("HARDWARE", "URGENT", "POSITIVE"));

    public static JsonObject TriageOf(JsonObject ticket) => ticket["triage"]!.AsObject();

    public static string Status(JsonObject ticket) => (string)TriageOf(ticket)["status"]!;

    public static string Source(JsonObject ticket, string field) => (string)TriageOf(ticket)[field]!["source"]!;
}
