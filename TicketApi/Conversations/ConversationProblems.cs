using Microsoft.AspNetCore.Http.HttpResults;

namespace TicketApi.Conversations;

/// <summary>The thread's own refusals, as RFC 9457 problem details in the contract's words (docs/rest-api.md, "Conversation thread").</summary>
public static class ConversationProblems
{
    /// <summary>A requester writing on a CLOSED ticket: CLOSED is final, so the conversation goes on in a new ticket.</summary>
    public static ProblemHttpResult TicketClosed(long id) =>
        TypedResults.Problem($"Ticket {id} is closed; open a new ticket.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}
