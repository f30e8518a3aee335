using System.Text.Json;
using AgentHost.Tests.Support;
using AgentHost.Tickets;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Contracts;
using TicketApi.Tickets;

namespace AgentHost.Tests.Endpoints;

/// <summary>The rebuilt offline assistant end to end (docs/offline-assistant.md): the reviewer's six defects, compound
/// and negated requests, problem reports with follow-up answers, queue questions, questions back, and what it cannot do.</summary>
public partial class OfflineConversationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static IEnumerable<JsonElement> Arguments(List<Frame> frames, string tool) =>
        frames.Where(f => f.Event == "tool" && f.Data.GetProperty("name").GetString() == tool).Select(f => f.Data.GetProperty("arguments"));

    /// <summary>Tickets 1..n through the service itself, with the statuses given.</summary>
    private static async Task<ITicketService> SeedAsync(AgentHostFactory factory, params TicketStatus[] statuses)
    {
        var tickets = factory.Services.GetRequiredService<ITicketService>();
        for (var i = 0; i < statuses.Length; i++)
        {
            var created = await tickets.CreateAsync(new TicketChanges($"Seeded ticket {i + 1}", "Printer on floor 2 jams.", null, RequesterName: $"Requester {i + 1}"), None);
            var id = created.Value!.Id;
            if (statuses[i] is TicketStatus.Resolved or TicketStatus.Closed)
            {
                await tickets.SetStatusAsync(id, TicketStatus.Resolved, None);
            }

            if (statuses[i] == TicketStatus.Closed)
            {
                await tickets.SetStatusAsync(id, TicketStatus.Closed, None);
            }
        }

        return tickets;
    }

    [Fact]
    public async Task Close_1_and_reopen_2_closes_1_and_reopens_2()
    {
        await using var factory = new AgentHostFactory().Started();
        var tickets = await SeedAsync(factory, TicketStatus.Resolved, TicketStatus.Resolved);

        var (frames, _, _) = await SayAsync(factory.CreateClient(), "close 1 and reopen 2");

        Assert.Equal(["set_ticket_status:succeeded", "set_ticket_status:succeeded"], Tools(frames));
        Assert.Equal(TicketStatus.Closed, (await tickets.GetAsync(1, None)).Value!.ResolutionStatus);
        Assert.Equal(TicketStatus.Open, (await tickets.GetAsync(2, None)).Value!.ResolutionStatus);
    }

    [Fact]
    public async Task Tickets_not_resolved_lists_every_ticket_except_the_resolved_ones()
    {
        await using var factory = new AgentHostFactory().Started();
        await SeedAsync(factory, TicketStatus.Open, TicketStatus.Resolved, TicketStatus.Closed);

        var (frames, text, _) = await SayAsync(factory.CreateClient(), "tickets not resolved");

        var statuses = Arguments(frames, "list_tickets").Single().GetProperty("resolution_status__in").EnumerateArray().Select(s => s.GetString());
        Assert.Equal(["OPEN", "CLOSED"], statuses);
        Assert.Contains("#1 ", text);
        Assert.Contains("#3 ", text);
        Assert.DoesNotContain("#2 ", text);
    }

    [Fact]
    public async Task A_problem_in_the_persons_words_files_a_triaged_ticket_and_asks_for_what_is_missing()
    {
        await using var factory = new AgentHostFactory().Started();

        var (frames, text, _) = await SayAsync(factory.CreateClient(), "Outlook crashes every time I open it");

        // The knowledge base is searched too; no article matches this well enough to offer steps (docs/offline-assistant.md).
        Assert.Equal(["create_ticket:succeeded", "search_articles:succeeded"], Tools(frames));
        var created = Arguments(frames, "create_ticket").Single();
        Assert.False(created.TryGetProperty("category", out _)); // the triager decides, not the planner
        Assert.StartsWith("I filed ticket #1 'Outlook crashes every time I open it': category SOFTWARE, priority ", text);
        Assert.Contains("What exact error message do you see", text);
        Assert.Contains("How many people are affected", text);
    }

    [Fact]
    public async Task The_answers_to_the_questions_go_onto_the_filed_ticket_as_customer_messages()
    {
        await using var factory = new AgentHostFactory().Started();
        var client = factory.CreateClient();
        var tickets = factory.Services.GetRequiredService<ITicketService>();
        var (_, filed, session) = await SayAsync(client, "my vpn keeps dropping, please help");

        var (frames, answer, _) = await SayAsync(client, "since this morning, asset tag 3381, only me", session);
        var (again, _, _) = await SayAsync(client, "it says error 809", session);
        var (listed, _, _) = await SayAsync(client, "show me open tickets", session);

        Assert.Contains("category NETWORK", filed);
        Assert.Equal(["add_message:succeeded"], Tools(frames));
        Assert.Contains("ticket #1", answer);
        Assert.Equal(["add_message:succeeded"], Tools(again));
        Assert.Equal(["list_tickets:succeeded"], Tools(listed)); // a command is still a command
        var thread = (await tickets.ListMessagesAsync(1, 1, 20, None)).Value!;
        Assert.Equal(["since this morning, asset tag 3381, only me", "it says error 809"], thread.Results.Select(m => m.Body));
        Assert.All(thread.Results, m => Assert.Equal("customer", m.Kind));
    }

    [Fact]
    public async Task Show_me_the_3_oldest_open_tickets_lists_three_oldest_first()
    {
        await using var factory = new AgentHostFactory().Started();
        await SeedAsync(factory, TicketStatus.Open, TicketStatus.Open, TicketStatus.Open, TicketStatus.Open);

        var (frames, text, _) = await SayAsync(factory.CreateClient(), "show me the 3 oldest open tickets");

        var args = Arguments(frames, "list_tickets").Single();
        Assert.Equal("created", args.GetProperty("ordering").GetString());
        Assert.Equal(3, args.GetProperty("page_size").GetInt32());
        Assert.DoesNotContain(Arguments(frames, "get_ticket"), _ => true);
        Assert.Contains("#1 ", text);
        Assert.DoesNotContain("#4 ", text);
    }

    [Fact]
    public async Task Create_an_urgent_ticket_creates_it_with_the_persons_priority()
    {
        await using var factory = new AgentHostFactory().Started();
        var tickets = factory.Services.GetRequiredService<ITicketService>();

        var (frames, text, _) = await SayAsync(factory.CreateClient(), "create an urgent ticket: the label printer is out of paper");

        Assert.Equal(["create_ticket:succeeded"], Tools(frames));
        Assert.Equal("URGENT", (await tickets.GetAsync(1, None)).Value!.Priority);
        Assert.Contains("priority URGENT", text);
    }

    [Fact]
    public async Task Dont_close_it_resolve_it_instead_only_resolves()
    {
        await using var factory = new AgentHostFactory().Started();
        var tickets = await SeedAsync(factory, TicketStatus.Open, TicketStatus.Open);

        var (frames, _, _) = await SayAsync(factory.CreateClient(), "don't close 2, resolve it instead");

        Assert.Equal(["set_ticket_status:succeeded"], Tools(frames));
        Assert.Equal(TicketStatus.Resolved, (await tickets.GetAsync(2, None)).Value!.ResolutionStatus);
    }

    [Fact]
    public async Task Queue_questions_in_plain_words_reach_the_right_tools()
    {
        await using var factory = new AgentHostFactory().Started();
        var tickets = await SeedAsync(factory, TicketStatus.Open, TicketStatus.Open);
        var client = factory.CreateClient();

        var (raised, _, _) = await SayAsync(client, "set priority of 1 to urgent");
        var (urgent, urgentText, _) = await SayAsync(client, "which tickets are urgent?");
        var (noted, _, _) = await SayAsync(client, "add a note to 1: waiting on the vendor");
        var (thread, threadText, _) = await SayAsync(client, "what did the customer say on 1?");
        var (_, who, _) = await SayAsync(client, "who reported 2?");

        Assert.Equal(["update_ticket:succeeded"], Tools(raised));
        Assert.Equal("URGENT", (await tickets.GetAsync(1, None)).Value!.Priority);
        Assert.Equal("URGENT", Arguments(urgent, "list_tickets").Single().GetProperty("priority").GetString());
        Assert.Contains("#1 ", urgentText);
        Assert.Equal(["add_message:succeeded"], Tools(noted));
        Assert.Equal(["list_messages:succeeded"], Tools(thread));
        Assert.Contains("waiting on the vendor", threadText);
        Assert.Equal("Ticket #2 'Seeded ticket 2' was reported by Requester 2.", who);
    }

    [Fact]
    public async Task An_ambiguous_request_is_answered_with_a_question_and_nothing_changes()
    {
        await using var factory = new AgentHostFactory().Started();
        await SeedAsync(factory, TicketStatus.Open);

        var (frames, text, _) = await SayAsync(factory.CreateClient(), "resolve it");

        Assert.Empty(Tools(frames));
        Assert.Contains("Which ticket should I set to RESOLVED?", text);
    }

    [Fact]
    public async Task A_request_outside_the_helpdesk_gets_what_the_assistant_can_do_and_no_tools()
    {
        await using var factory = new AgentHostFactory().Started();

        var (frames, text, _) = await SayAsync(factory.CreateClient(), "write me a poem about spring");

        Assert.Empty(Tools(frames));
        Assert.Contains("I can:", text);
    }

    [Fact]
    public async Task Close_the_first_one_acts_on_the_first_ticket_of_the_list_just_shown()
    {
        await using var factory = new AgentHostFactory().Started();
        var tickets = await SeedAsync(factory, TicketStatus.Resolved, TicketStatus.Resolved);
        var client = factory.CreateClient();
        var (_, _, session) = await SayAsync(client, "list resolved tickets");

        var (frames, _, _) = await SayAsync(client, "close the first one", session);

        Assert.Equal(["set_ticket_status:succeeded"], Tools(frames));
        // Newest first: the list showed #2 before #1.
        Assert.Equal(TicketStatus.Closed, (await tickets.GetAsync(2, None)).Value!.ResolutionStatus);
        Assert.Equal(TicketStatus.Resolved, (await tickets.GetAsync(1, None)).Value!.ResolutionStatus);
    }

    [Fact]
    public async Task Delete_it_after_a_ticket_was_shown_asks_to_confirm_that_ticket_and_yes_deletes_it()
    {
        await using var factory = new AgentHostFactory().Started();
        var tickets = await SeedAsync(factory, TicketStatus.Open, TicketStatus.Open);
        var client = factory.CreateClient();
        var (_, _, session) = await SayAsync(client, "show ticket 2");

        var (asked, question, _) = await SayAsync(client, "delete it", session);
        var (deleted, _, _) = await SayAsync(client, "yes", session);

        Assert.Equal(["get_ticket:succeeded"], Tools(asked));
        Assert.Contains("Reply \"yes\" to delete ticket #2", question);
        Assert.Equal(["get_ticket:succeeded", "delete_ticket:succeeded"], Tools(deleted));
        Assert.Null((await tickets.GetAsync(2, None)).Value);
        Assert.NotNull((await tickets.GetAsync(1, None)).Value);
    }
}
