using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.State;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>Help, greetings, thanks and "who are you": answered without tools, saying what the planner can do.</summary>
public sealed partial class SmallTalkRule : IMessageRule
{
    public PlannerPlan? Match(string original, string text, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bare = text.TrimEnd('?', '!', '.').Trim();
        if (bare.Length == 0 || Help().IsMatch(bare))
        {
            return PlannerPlan.Answer(PlannerReplies.Help);
        }

        if (Identity().IsMatch(bare))
        {
            return PlannerPlan.Answer(PlannerReplies.Identity);
        }

        if (Greeting().IsMatch(bare))
        {
            return PlannerPlan.Answer("Hello! " + PlannerReplies.Help);
        }

        return Thanks().IsMatch(bare) ? PlannerPlan.Answer(PlannerReplies.Welcome) : null;
    }

    [GeneratedRegex(@"^(?:help|commands|what\s+can\s+you\s+do|what\s+do\s+you\s+do|how\s+do\s+(?:i|you)\s+use\s+(?:this|you)|what\s+can\s+i\s+(?:ask|say)|options|menu)$")]
    private static partial Regex Help();

    [GeneratedRegex(@"\b(?:who|what)\s+are\s+you\b|\bare\s+you\s+(?:an?\s+)?(?:ai|bot|robot|human|llm|gpt|chatgpt|language\s+model|model|real)\b|\bwhich\s+model\b|\bwhat\s+model\b")]
    private static partial Regex Identity();

    [GeneratedRegex(@"^(?:hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening)|howdy|yo)(?:\s+there)?$")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(?:thanks|thank\s+you|thx|ty|cheers|great|perfect|cool|nice|awesome|that\s+is\s+all|that\s+will\s+be\s+all|nothing\s+else|all\s+good|bye|goodbye)(?:\s+(?:a\s+lot|so\s+much|very\s+much))?(?:\s*,?\s*(?:thanks|bye))?$")]
    private static partial Regex Thanks();
}
