using AgentCli.CommandLine;
using AgentCli.Rendering;
using AgentCli.Streaming;

namespace AgentCli.Chat;

/// <summary>How a turn ended: the exit code it stands for and the session to continue in.</summary>
internal sealed record TurnOutcome(int ExitCode, string? SessionId);

/// <summary>Sends one message and renders its answer until the terminal frame.</summary>
internal sealed class ChatTurn(AgentChatClient client, AnswerRenderer renderer, TurnInterrupts interrupts)
{
    public async Task<TurnOutcome> RunAsync(string message, string? sessionId, CancellationToken cancellationToken)
    {
        var turn = interrupts.BeginTurn(cancellationToken);
        try
        {
            await foreach (var frame in client.StreamAsync(new ChatRequest(message, sessionId), turn.Token))
            {
                switch (frame)
                {
                    case TokenFrame token:
                        renderer.Token(token);
                        break;
                    case ToolFrame tool:
                        renderer.Tool(tool);
                        break;
                    case EndFrame end:
                        renderer.FinishAnswer();
                        return new TurnOutcome(ExitCodes.Ok, end.SessionId ?? sessionId);
                    case ErrorFrame error:
                        renderer.Error(error.Message);
                        return new TurnOutcome(ExitCodes.AgentError, sessionId);
                }
            }

            // StreamAsync throws rather than ending quietly without a terminal frame.
            throw AgentHostException.EndedEarly();
        }
        catch (AgentHostException ex)
        {
            renderer.Error(ex.Message);
            return new TurnOutcome(ex.ExitCode, sessionId);
        }
        catch (OperationCanceledException) when (turn.IsCancellationRequested)
        {
            // Dropping the connection is what tells the host to stop working on this answer.
            renderer.Cancelled();
            return new TurnOutcome(ExitCodes.Cancelled, sessionId);
        }
        finally
        {
            interrupts.EndTurn(turn);
        }
    }
}
