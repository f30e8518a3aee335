using System.Collections.Concurrent;
using TicketApi.Drafts;

namespace AgentTickets.Testing;

/// <summary>
/// A draft writer for the storage and HTTP tests: the real writers' content is another feature's (and their
/// own tests'); here what matters is what is stored and streamed. A fresh draft's reply is
/// <see cref="ReplyPieces"/> joined, each piece handed to the sink in order; a refinement appends
/// " [instruction]". It can be told to fail, or to stop after the first piece until released, and it says
/// when it saw cancellation, so tests wait on signals rather than sleeps.
/// </summary>
public sealed class ScriptedDraftWriter : IDraftWriter
{
    public const string GeneratedBy = "scripted";

    public IReadOnlyList<string> ReplyPieces { get; set; } = ["Hi Dana,\n\n", "please restart ", "the VPN client."];

    /// <summary>When set, the writer throws it after streaming the first piece.</summary>
    public Exception? FailAfterFirstPiece { get; set; }

    /// <summary>When set, the writer waits for it after the first piece (with the request's token).</summary>
    public TaskCompletionSource? HoldAfterFirstPiece { get; set; }

    public TaskCompletionSource CancellationSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every instruction refined, in order (null for a fresh draft).</summary>
    public ConcurrentQueue<string?> Calls { get; } = new();

    public Task<DraftContent> WriteAsync(DraftSubject subject, ReplyTextSink? replyText, CancellationToken cancellationToken)
    {
        Calls.Enqueue(null);
        return StreamAsync(ReplyPieces, replyText, remark: null, cancellationToken);
    }

    public Task<DraftContent> RefineAsync(DraftSubject subject, DraftContent current, string instruction, ReplyTextSink? replyText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        Calls.Enqueue(instruction);
        var remark = instruction.Contains("in Klingon", StringComparison.Ordinal) ? "Klingon is not a language this writer knows." : null;
        return StreamAsync([current.Reply, $" [{instruction}]"], replyText, remark, cancellationToken);
    }

    private async Task<DraftContent> StreamAsync(IReadOnlyList<string> pieces, ReplyTextSink? replyText, string? remark, CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; i < pieces.Count; i++)
            {
                if (replyText is not null)
                {
                    await replyText(pieces[i], cancellationToken);
                }
                if (i == 0 && FailAfterFirstPiece is { } failure)
                {
                    throw failure;
                }
                if (i == 0 && HoldAfterFirstPiece is { } hold)
                {
                    await hold.Task.WaitAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            CancellationSeen.TrySetResult();
            throw;
        }
        return new DraftContent(string.Concat(pieces), "Likely cause: a stale client.\nFix: reinstall 5.2.", SolutionStatuses.Final, [],
            [new DraftSource("article", 4, "VPN drops every few minutes")], GeneratedBy, remark);
    }
}
