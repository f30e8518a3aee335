using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketApi.Http;

namespace TicketApi.Ratings;

/// <summary>The body of <c>POST /api/tickets/{id}/rating</c>.</summary>
public sealed record RatingRequest(int Score, string? Comment);

/// <summary>What a rating may hold (docs/accounts.md, "Satisfaction"), and reading one from JSON or from the rating page's form.</summary>
public static class RatingRules
{
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int MaxCommentLength = 2000;

    private const string Score = "score";
    private const string Comment = "comment";

    /// <summary>A JSON body: <c>score</c> required (a whole number), <c>comment</c> optional; nothing else.</summary>
    public static async Task<(RatingRequest? Rating, ProblemHttpResult? Problem)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, problem) = await TicketBodyReader.ReadObjectAsync(request, cancellationToken);
        if (document is null)
        {
            return (null, problem);
        }
        using (document)
        {
            var errors = new Dictionary<string, List<string>>();
            int? score = null;
            string? comment = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case Score when property.Value.ValueKind == JsonValueKind.Number:
                        score = property.Value.TryGetInt32(out var number) ? number : int.MaxValue; // 2.5 or 1e9: out of range below
                        if (property.Value.TryGetDecimal(out var exact) && exact != decimal.Truncate(exact))
                        {
                            TicketBodyReader.Add(errors, Score, "Expected a whole number from 1 to 5.");
                        }
                        break;
                    case Score:
                        TicketBodyReader.Add(errors, Score, $"Expected a whole number from 1 to 5, got {TicketBodyReader.Describe(property.Value.ValueKind)}.");
                        break;
                    case Comment:
                        comment = property.Value.ValueKind == JsonValueKind.Null ? null : TicketBodyReader.ReadString(property, errors);
                        break;
                    default:
                        TicketBodyReader.Add(errors, property.Name, "Unknown field sent in request body.");
                        break;
                }
            }
            if (score is null && !errors.ContainsKey(Score))
            {
                TicketBodyReader.Add(errors, Score, "This field is required: a whole number from 1 to 5.");
            }
            if (errors.Count > 0)
            {
                return (null, TicketProblems.Fields(StatusCodes.Status400BadRequest, "The request body is not a valid rating.", TicketBodyReader.Merge(errors)));
            }
            return Checked(score!.Value, comment);
        }
    }

    /// <summary>The rating page's form: <c>score</c> and <c>comment</c>, as a browser posts them.</summary>
    public static (RatingRequest? Rating, ProblemHttpResult? Problem) ReadForm(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var text = form[Score].ToString().Trim();
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var score))
        {
            return (null, TicketProblems.Fields(StatusCodes.Status400BadRequest, "The form is not a valid rating.",
                new Dictionary<string, string[]> { [Score] = ["Choose a score from 1 to 5."] }));
        }
        var comment = form[Comment].ToString();
        return Checked(score, comment);
    }

    /// <summary>Score 1-5 and a comment of at most <see cref="MaxCommentLength"/> characters (trimmed; blank is none), else 422.</summary>
    private static (RatingRequest?, ProblemHttpResult?) Checked(int score, string? comment)
    {
        var errors = new Dictionary<string, string[]>();
        if (score is < MinScore or > MaxScore)
        {
            errors[Score] = [$"A score is a whole number from {MinScore} to {MaxScore}."];
        }
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment is { Length: > MaxCommentLength })
        {
            errors[Comment] = [$"A comment is at most {MaxCommentLength} characters."];
        }
        if (comment?.Contains('\0', StringComparison.Ordinal) == true)
        {
            errors[Comment] = ["Not valid text: the string holds a NUL character (\\u0000)."];
        }
        return errors.Count == 0 ? (new RatingRequest(score, comment), null)
            : (null, TicketProblems.Fields(StatusCodes.Status422UnprocessableEntity, "The rating has values it cannot take.", errors));
    }
}
