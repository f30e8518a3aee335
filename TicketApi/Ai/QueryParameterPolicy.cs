using System.ClientModel.Primitives;

namespace TicketApi.Ai;

/// <summary>Adds one query parameter (Azure's classic <c>api-version</c>) to every request of the pipeline.</summary>
internal sealed class QueryParameterPolicy(string name, string value) : RequestEditingPolicy
{
    protected override void Edit(PipelineRequest request)
    {
        var uri = request.Uri!;
        var key = Uri.EscapeDataString(name) + "=";
        var query = uri.Query.TrimStart('?');
        if (query.Split('&').Any(p => p.StartsWith(key, StringComparison.Ordinal)))
        {
            return; // a retry passes through again: add it once
        }

        var pair = key + Uri.EscapeDataString(value);
        request.Uri = new UriBuilder(uri) { Query = query.Length == 0 ? pair : $"{query}&{pair}" }.Uri;
    }
}
