using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketApi.Accounts;
using TicketApi.Contracts;
using TicketApi.Tickets;

namespace TicketApi.Ratings;

/// <summary>
/// The page a resolution email links to (docs/accounts.md, "Satisfaction"): the signed token in the path is the
/// credential, so a requester without an account can rate. A browser (Accept: text/html) gets small HTML pages
/// with the same status codes the JSON clients get as problem details.
/// <code>
///   GET  /rate/{token}   the form                         200 | 404 unknown or expired link | 409 rated / not resolved
///   POST /rate/{token}   score=1-5&amp;comment=...            201 | 400 | 404 | 409 | 415 | 422
/// </code>
/// </summary>
public static class RatingPageEndpoints
{
    public static IEndpointRouteBuilder MapRatingPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(RatingLinks.PagePath).WithTags("Ratings").AllowAnonymous()
            // A page for people, linked from email; its JSON twin is POST /api/tickets/{id}/rating.
            .ExcludeFromDescription();
        group.MapGet("/{token}", Form).WithName("RatingPage");
        group.MapPost("/{token}", Submit).WithName("RatingPageSubmit").DisableAntiforgery();
        return app;
    }

    public static async Task<IResult> Form(string token, HttpContext context, RatingLinks links, TicketReader reader, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, links, reader, cancellationToken) is not { } ticket)
        {
            return Refusal(context, StatusCodes.Status404NotFound, "This rating link is not valid", "The link is damaged, has expired, or its ticket is gone.");
        }
        if (ticket.Rating is not null)
        {
            return Refusal(context, StatusCodes.Status409Conflict, "Already rated", $"Ticket {ticket.Id} has been rated already. Thank you!");
        }
        if (ticket.ResolutionStatus == TicketStatus.Open)
        {
            return Refusal(context, StatusCodes.Status409Conflict, "Not resolved yet", $"Ticket {ticket.Id} was reopened; it can be rated once it is resolved again.");
        }
        return TypedResults.Content(RatingHtml.Form(ticket), "text/html; charset=utf-8");
    }

    public static async Task<IResult> Submit(string token, HttpContext context, RatingLinks links, TicketReader reader, TicketRatings ratings,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(token, links, reader, cancellationToken) is not { } ticket)
        {
            return Refusal(context, StatusCodes.Status404NotFound, "This rating link is not valid", "The link is damaged, has expired, or its ticket is gone.");
        }
        if (!context.Request.HasFormContentType)
        {
            return Refusal(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the form as application/x-www-form-urlencoded or multipart/form-data.");
        }
        var (rating, problem) = RatingRules.ReadForm(await context.Request.ReadFormAsync(cancellationToken));
        if (rating is null)
        {
            return Refusal(context, problem!.StatusCode, problem.ProblemDetails.Title ?? "Not a rating", problem.ProblemDetails.Detail ?? "", problem);
        }
        // The token holder acts as the requester it was made for, through the web: what the journal records.
        var requester = new Actor("requester:" + ticket.RequesterEmail, ticket.RequesterName ?? ticket.RequesterEmail!, ticket.RequesterEmail,
            ActorRole.Requester, AccessScope.Write);
        RateOutcome outcome;
        using (ActingContext.Enter(new Acting(requester, TicketMessageChannels.Web)))
        {
            outcome = await ratings.RateAsync(ticket.Id, rating.Score, rating.Comment, cancellationToken);
        }
        var answer = RatingEndpoints.Answer(ticket.Id, outcome).Result;
        if (answer is ProblemHttpResult refused)
        {
            return Refusal(context, refused.StatusCode, refused.ProblemDetails.Title ?? "Not recorded", refused.ProblemDetails.Detail ?? "", refused);
        }
        return WantsHtml(context.Request)
            ? TypedResults.Content(RatingHtml.Thanks(ticket.Id, rating.Score), "text/html; charset=utf-8", statusCode: StatusCodes.Status201Created)
            : answer;
    }

    /// <summary>The ticket the token names, while its requester is still the address the token was made for.</summary>
    private static async Task<Data.TicketEntity?> FindAsync(string token, RatingLinks links, TicketReader reader, CancellationToken cancellationToken) =>
        links.Read(token) is { } link && await reader.FindAsync(link.TicketId, cancellationToken) is { } ticket && RatingEndpoints.IsRequester(ticket, link.Email)
            ? ticket : null;

    private static IResult Refusal(HttpContext context, int status, string title, string detail, ProblemHttpResult? problem = null) =>
        WantsHtml(context.Request)
            ? TypedResults.Content(RatingHtml.Message(title, detail), "text/html; charset=utf-8", statusCode: status)
            : problem ?? TypedResults.Problem(statusCode: status, title: title, detail: detail);

    private static bool WantsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(media => media.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>The pages, plain and self-contained; every value from a ticket is HTML-encoded.</summary>
    private static class RatingHtml
    {
        public static string Form(Data.TicketEntity ticket) => Page("Rate our help",
            $"""
            <p>How did we do with <strong>{WebUtility.HtmlEncode(ticket.Title)}</strong> (ticket #{ticket.Id})?</p>
            <form method="post">
              <fieldset><legend>Your score</legend>
                {string.Join("\n    ", Enumerable.Range(RatingRules.MinScore, RatingRules.MaxScore).Select(score =>
                    $"<label><input type=\"radio\" name=\"score\" value=\"{score}\" required> {score}</label>"))}
              </fieldset>
              <p><label for="comment">Anything to add? (optional)</label><br>
              <textarea id="comment" name="comment" rows="4" cols="60" maxlength="{RatingRules.MaxCommentLength}"></textarea></p>
              <button type="submit">Send rating</button>
            </form>
            """);

        public static string Thanks(long ticketId, int score) =>
            Page("Thank you", $"<p>Your rating of {score} for ticket #{ticketId} is recorded. Thank you for telling us.</p>");

        public static string Message(string title, string detail) => Page(title, $"<p>{WebUtility.HtmlEncode(detail)}</p>");

        private static string Page(string title, string body) =>
            $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)}</title></head>
            <body><h1>{WebUtility.HtmlEncode(title)}</h1>
            {body}
            </body></html>
            """;
    }
}
