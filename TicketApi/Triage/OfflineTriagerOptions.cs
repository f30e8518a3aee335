namespace TicketApi.Triage;

/// <summary>Training settings of <see cref="OfflineTriager"/>; the defaults are the ones chosen by cross-validation.</summary>
public sealed record OfflineTriagerOptions
{
    /// <summary>How many features (by chi-squared against the field's labels) each field's model keeps.</summary>
    public int FeaturesPerField { get; init; } = 1000;

    /// <summary>Lidstone pseudo-count per feature and class.</summary>
    public double Smoothing { get; init; } = 0.5;

    /// <summary>A feature must occur in this many training tickets to be kept (drops one-off typos and ids).</summary>
    public int MinDocumentFrequency { get; init; } = 1;

    /// <summary>Folds of the internal cross-validation that fits each field's temperature.</summary>
    public int CalibrationFolds { get; init; } = 5;

    /// <summary>Whether the guideline rules may override the model (off only to measure what they add).</summary>
    public bool UseRules { get; init; } = true;

    /// <summary>A rule whose precision on the training tickets is below this is not applied.</summary>
    public double MinRulePrecision { get; init; } = 0.5;
}
