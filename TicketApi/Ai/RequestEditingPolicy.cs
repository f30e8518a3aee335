using System.ClientModel.Primitives;

namespace TicketApi.Ai;

/// <summary>A pipeline policy that only edits the outgoing request, then passes it on.</summary>
internal abstract class RequestEditingPolicy : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        Edit(message.Request);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        Edit(message.Request);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }

    protected abstract void Edit(PipelineRequest request);
}
