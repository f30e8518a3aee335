using System.Runtime.CompilerServices;
using AgentHost.Chat;
using AgentHost.Chat.Sessions;
using AgentHost.Endpoints;
using Microsoft.AspNetCore.Http;

namespace AgentHost.Tests.Endpoints;

public class ChatStreamAbortTests
{
    [Fact]
    public async Task A_client_gone_before_the_first_byte_still_ends_the_turn_it_was_to_run_so_the_session_is_not_left_busy()
    {
        var turn = new ChatTurn("s1", 1, "hi", null, 100);
        var turnCleanedUp = false;
        async IAsyncEnumerable<ChatStreamEvent> Run([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                yield return ChatStreamEvent.ForToken("never");
            }
            finally
            {
                turnCleanedUp = true; // where ChatTurnRunner releases its claim on the stored session
            }
        }

        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();
        var http = new DefaultHttpContext { RequestAborted = gone.Token };
        http.Response.Body = new MemoryStream();

        await new ChatEventStreamResult(turn, turn.RecordAsync(Run(gone.Token), gone.Token), TimeSpan.FromSeconds(5), opensTurn: true)
            .ExecuteAsync(http);

        Assert.True(turnCleanedUp);
        Assert.True(turn.IsFinished);
        Assert.Equal(0, http.Response.Body.Length);
    }
}
