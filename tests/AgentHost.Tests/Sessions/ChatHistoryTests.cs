using AgentHost.Chat.Sessions;
using Microsoft.Extensions.AI;

namespace AgentHost.Tests.Sessions;

public class ChatHistoryTests
{
    private static ChatMessage[] Turn(string user, params ChatMessage[] rest) => [new(ChatRole.User, user), .. rest];

    [Fact]
    public void History_is_trimmed_by_whole_turns_so_no_tool_result_loses_its_call()
    {
        List<ChatMessage> history = [];
        for (var i = 0; i < 5; i++)
        {
            history = ChatHistory.Append(history, Turn($"q{i}",
                new ChatMessage(ChatRole.Assistant, [new FunctionCallContent($"c{i}", "get_ticket")]),
                new ChatMessage(ChatRole.Tool, [new FunctionResultContent($"c{i}", "r")]),
                new ChatMessage(ChatRole.Assistant, $"a{i}")), maxMessages: 10);
        }

        Assert.True(history.Count <= 10);
        Assert.Equal(ChatRole.User, history[0].Role);
        Assert.Equal("q4", history[^4].Text);
    }

    [Theory]
    [InlineData("abc-123_X", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("<script>", false)]
    public void Client_chosen_ids_are_checked(string id, bool valid) => Assert.Equal(valid, ChatSessionStore.IsValidId(id));
}
