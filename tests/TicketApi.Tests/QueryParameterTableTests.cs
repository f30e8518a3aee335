using TicketApi.Contracts;
using TicketApi.Querying;

namespace TicketApi.Tests;

/// <summary>
/// The one query definition: what the table writes, the parser reads back unchanged, and every parameter in
/// the table is one the parser understands (the agent's HTTP client and tools rely on both).
/// </summary>
public sealed class QueryParameterTableTests
{
    private static TicketQueryParser.Result Parse(IEnumerable<KeyValuePair<string, string>> pairs) =>
        TicketQueryParser.Parse(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    [Fact]
    public void A_query_with_every_parameter_set_is_read_back_exactly_as_it_was_written()
    {
        var query = new TicketQuery
        {
            Id = 7,
            IdIn = [1, 2, 30],
            TitleContains = "Café & co",
            DescriptionContains = "can't + 100%",
            CreatedFrom = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1230),
            CreatedTo = new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(-10),
            UpdatedFrom = new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc),
            UpdatedTo = new DateTime(2025, 4, 1, 12, 0, 0, DateTimeKind.Utc),
            Status = TicketStatus.Resolved,
            StatusIn = [TicketStatus.Open, TicketStatus.Closed],
            Priority = "URGENT",
            PriorityIn = ["LOW", "HIGH"],
            Category = "NETWORK",
            CategoryIn = ["EMAIL", "OTHER"],
            Sentiment = "NEGATIVE",
            SentimentIn = ["NEUTRAL", "POSITIVE"],
            RequesterEmail = "Dana+desk@example.com",
            Assignee = "me",
            SearchWords = ["vpn", "drops"],
            Ordering = [new("title", false), new("id", true)],
            Page = 3,
            PageSize = 50,
        };

        var written = TicketQueryParameters.Write(query).ToList();
        var read = Parse(written).Query!;

        Assert.Equal(TicketQueryParameters.All.Select(p => p.Name), written.Select(p => p.Key));
        Assert.Equal(written, TicketQueryParameters.Write(read));
        Assert.Equal((query.Id, query.TitleContains, query.DescriptionContains, query.CreatedFrom, query.CreatedTo, query.UpdatedFrom, query.UpdatedTo, query.Status, query.Page, query.PageSize),
            (read.Id, read.TitleContains, read.DescriptionContains, read.CreatedFrom, read.CreatedTo, read.UpdatedFrom, read.UpdatedTo, read.Status, read.Page, read.PageSize));
        Assert.Equal(query.IdIn, read.IdIn);
        Assert.Equal(query.StatusIn, read.StatusIn);
        Assert.Equal(query.SearchWords, read.SearchWords);
        Assert.Equal(query.Ordering, read.Ordering);
        Assert.Equal((query.Priority, query.Category, query.Sentiment, query.RequesterEmail, query.Assignee), (read.Priority, read.Category, read.Sentiment, read.RequesterEmail, read.Assignee));
        Assert.Equal(query.PriorityIn, read.PriorityIn);
        Assert.Equal(query.CategoryIn, read.CategoryIn);
        Assert.Equal(query.SentimentIn, read.SentimentIn);
    }

    [Fact]
    public void The_default_query_writes_no_parameters_and_an_empty_search_still_reads_back_as_a_search()
    {
        Assert.Equal("", TicketQueryParameters.ToQueryString(new TicketQuery()));
        Assert.Equal([], Parse(TicketQueryParameters.Write(new TicketQuery { SearchWords = [] })).Query!.SearchWords!);
    }

    [Fact]
    public void Every_parameter_of_the_table_is_one_the_parser_understands()
    {
        foreach (var parameter in TicketQueryParameters.All)
        {
            var sample = parameter.Kind switch
            {
                TicketQueryParameters.ValueKind.WholeNumber or TicketQueryParameters.ValueKind.WholeNumberList => "2",
                TicketQueryParameters.ValueKind.DateTime => "2025-01-01",
                TicketQueryParameters.ValueKind.Status or TicketQueryParameters.ValueKind.StatusList => "OPEN",
                TicketQueryParameters.ValueKind.Label or TicketQueryParameters.ValueKind.LabelList => parameter.Labels![0],
                _ when parameter.Name == TicketQueryParameters.Keys.Ordering => "-id",
                _ => "text",
            };

            var parsed = Parse([new(parameter.Name, sample)]);

            Assert.True(parsed.Query is not null, $"{parameter.Name}={sample}: {string.Join(" ", parsed.Errors.SelectMany(e => e.Value))}");
            Assert.NotEqual(new TicketQuery(), parsed.Query);
        }
    }
}
