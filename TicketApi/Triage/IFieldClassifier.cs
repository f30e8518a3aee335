namespace TicketApi.Triage;

/// <summary>A learned per-field model: log scores per label, and how much one feature favours one label over another.</summary>
internal interface IFieldClassifier
{
    /// <summary>Unnormalised log scores of every label for a ticket's known feature indexes.</summary>
    void Score(ReadOnlySpan<int> features, Span<double> scores);

    /// <summary>How much one feature moves the odds of <paramref name="chosen"/> against <paramref name="rival"/>.</summary>
    double Leaning(int feature, int chosen, int rival);
}
