namespace Deployment.Tests.Durability;

/// <summary>
/// The durability tests start and kill real service processes under load; run one at a time, so a drill
/// measures the service and not its neighbours competing for the same two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DurabilityTestGroup
{
    public const string Name = "Durability";
}
