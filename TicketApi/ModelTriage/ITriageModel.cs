using TicketApi.Triage;

namespace TicketApi.ModelTriage;

/// <summary>A language model that triages one ticket's words (docs/triage.md, "Triage by a model").</summary>
public interface ITriageModel
{
    /// <summary>
    /// The model's answer for the three fields, each with source <c>model</c>. Throws
    /// <see cref="TriageModelException"/> when the answer is unusable (malformed, out of the labels, a
    /// refusal); the SDK's <c>ClientResultException</c> when the provider failed after its retries.
    /// </summary>
    Task<TriageOutcome> TriageAsync(TriageInput input, CancellationToken cancellationToken);
}

/// <summary>The model answered, but with nothing usable; the message says what was wrong, for one log line.</summary>
public sealed class TriageModelException : Exception
{
    public TriageModelException()
    {
    }

    public TriageModelException(string message) : base(message)
    {
    }

    public TriageModelException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
