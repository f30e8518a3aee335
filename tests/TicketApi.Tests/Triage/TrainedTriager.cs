using TicketApi.Triage;

namespace TicketApi.Tests.Triage;

/// <summary>One triager trained from the embedded set, shared by the triage test classes (training is the slow part).</summary>
public sealed class TrainedTriager
{
    public OfflineTriager Triager { get; } = OfflineTriager.TrainOnEmbeddedSet();

    public IReadOnlyList<TriageExample> TrainingSet { get; } = TriageTrainingSet.LoadEmbedded();

    public TriageOutcome Triage(string title, string? description = null) => Triager.Triage(new TriageInput(title, description));
}

[CollectionDefinition(Name)]
public sealed class TrainedTriagerGroup : ICollectionFixture<TrainedTriager>
{
    public const string Name = "trained triager";
}
