using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketApi.Contracts;

/// <summary>
/// Source-generated JSON for the ticket contracts: pages of tickets are the API's bulk output, and the
/// generated serializers write them without reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TicketDto))]
[JsonSerializable(typeof(TicketPage))]
[JsonSerializable(typeof(TicketTriage))]
[JsonSerializable(typeof(TicketMessageDto))]
[JsonSerializable(typeof(TicketMessagePage))]
[JsonSerializable(typeof(BulkTriageResult))]
public sealed partial class TicketJsonContext : JsonSerializerContext;
