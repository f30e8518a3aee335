using System.ClientModel;

namespace TicketApi.ModelTriage;

/// <summary>
/// The failures a model provider is expected to have, named in one line for the log (docs/triage.md,
/// "Failures"). Anything else is a bug on our side and keeps its stack trace.
/// </summary>
public static class TriageModelFailure
{
    /// <summary>One line saying why the model gave no answer, or null when <paramref name="exception"/> is not an expected failure.</summary>
    /// <param name="exception">What the call threw; an <see cref="OperationCanceledException"/> is read as the deadline passing (the caller filters its own stop out).</param>
    public static string? Describe(Exception exception, TimeSpan timeout) => exception switch
    {
        OperationCanceledException => $"no answer within {timeout.TotalSeconds:0.###} s",
        ClientResultException { Status: 0 } ex => $"the provider could not be reached ({FirstLine(ex.Message)})",
        ClientResultException ex => $"the provider answered HTTP {ex.Status} ({FirstLine(ex.Message)})",
        HttpRequestException ex => $"the provider could not be reached ({FirstLine(ex.Message)})",
        TriageModelException ex => ex.Message,
        _ => null,
    };

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
