namespace TicketApi.Tickets;

/// <summary>
/// Whether a create triages its ticket before storing it: always, in the product. Only bench/TriageCost turns
/// it off, in a host of its own, to measure what triage costs a POST create against the same service without it
/// (docs/triage.md, "Speed"). It is registered in code and bound to no configuration key, so no deployment can
/// switch triage off by accident (TriageOnCreateTests).
/// </summary>
public sealed record TriageOnCreate(bool Enabled)
{
    public static readonly TriageOnCreate Always = new(true);
}
