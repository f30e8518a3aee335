using TicketApi.Http;

namespace TicketApi.Tests.Http;

public sealed class TicketPageCacheTests
{
    private const string Queue = "http://localhost/api/tickets/?resolution_status=OPEN&ordering=-priority,created";

    [Fact]
    public void A_page_is_served_only_at_the_revision_it_was_stored_under()
    {
        var cache = new TicketPageCache();
        cache.Store(Queue, revision: 7, [1, 2, 3]);

        Assert.True(cache.TryGet(Queue, 7, out var page));
        Assert.Equal([1, 2, 3], page);
        Assert.False(cache.TryGet(Queue, 8, out _));
        Assert.False(cache.TryGet(Queue + "&page=2", 7, out _));
    }

    [Fact]
    public void A_newer_revision_drops_every_page_of_the_older_one()
    {
        var cache = new TicketPageCache();
        cache.Store(Queue, revision: 7, [1]);
        cache.Store(Queue + "&page=2", revision: 8, [2]);

        Assert.False(cache.TryGet(Queue, 7, out _));
        Assert.False(cache.TryGet(Queue, 8, out _));
        Assert.True(cache.TryGet(Queue + "&page=2", 8, out _));
    }

    [Fact]
    public void A_page_from_a_request_that_began_before_a_newer_revision_is_not_kept()
    {
        var cache = new TicketPageCache();
        cache.Store(Queue + "&page=2", revision: 8, [2]);
        cache.Store(Queue, revision: 7, [1]);

        Assert.False(cache.TryGet(Queue, 7, out _));
        Assert.False(cache.TryGet(Queue, 8, out _));
        Assert.True(cache.TryGet(Queue + "&page=2", 8, out _));
    }

    [Fact]
    public void Pages_past_the_limits_are_not_kept()
    {
        var cache = new TicketPageCache();
        cache.Store(Queue, revision: 1, new byte[TicketPageCache.MaxPageBytes + 1]);
        for (var i = 0; i < TicketPageCache.MaxPages + 1; i++)
        {
            cache.Store($"{Queue}&page={i + 2}", revision: 1, [1]);
        }

        Assert.False(cache.TryGet(Queue, 1, out _));
        Assert.True(cache.TryGet($"{Queue}&page={TicketPageCache.MaxPages + 1}", 1, out _));
        Assert.False(cache.TryGet($"{Queue}&page={TicketPageCache.MaxPages + 2}", 1, out _));
    }

    [Fact]
    public void The_byte_budget_bounds_the_cache()
    {
        var cache = new TicketPageCache();
        var pagesInBudget = (int)(TicketPageCache.MaxBytes / TicketPageCache.MaxPageBytes);
        for (var i = 0; i <= pagesInBudget; i++)
        {
            cache.Store($"{Queue}&page={i + 1}", revision: 1, new byte[TicketPageCache.MaxPageBytes]);
        }

        Assert.True(cache.TryGet($"{Queue}&page={pagesInBudget}", 1, out _));
        Assert.False(cache.TryGet($"{Queue}&page={pagesInBudget + 1}", 1, out _));
    }
}
