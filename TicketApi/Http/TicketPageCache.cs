using System.Collections.Concurrent;

namespace TicketApi.Http;

/// <summary>
/// List pages as written, for one revision of the tickets table at a time (docs/storage.md, "Fast paths").
/// A desk's queue page is read over and over between writes; while the revision stands, the page is the
/// same bytes, so it is answered from here. A page is stored under the revision read before its rows were,
/// so it is never older than that revision; a newer revision empties the cache, and an older one (a request
/// that began before a write) stores nothing. Bounded in entries and bytes: past that, pages are not kept.
/// </summary>
public sealed class TicketPageCache
{
    /// <summary>Enough for every view a desk polls (queue, filters, first pages of searches) with their links' hosts.</summary>
    public const int MaxPages = 256;

    public const long MaxBytes = 16L * 1024 * 1024;

    /// <summary>A page of 100 long tickets is not worth a sixteenth of the budget.</summary>
    public const int MaxPageBytes = 1024 * 1024;

    private readonly Lock _turn = new();
    private ConcurrentDictionary<string, byte[]> _pages = new(StringComparer.Ordinal);
    private long _revision = -1;
    private long _bytes;

    /// <summary>The page stored for <paramref name="key"/> (the absolute request URL) at exactly <paramref name="revision"/>.</summary>
    public bool TryGet(string key, long revision, out byte[] page)
    {
        page = [];
        return Volatile.Read(ref _revision) == revision && _pages.TryGetValue(key, out page!);
    }

    public void Store(string key, long revision, byte[] page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Length > MaxPageBytes)
        {
            return;
        }
        lock (_turn)
        {
            if (revision < _revision)
            {
                return;
            }
            if (revision > _revision)
            {
                // A fresh dictionary rather than Clear(): readers holding the old one finish on consistent pages.
                _pages = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
                _bytes = 0;
                Volatile.Write(ref _revision, revision);
            }
            if (_pages.Count >= MaxPages || _bytes + page.Length > MaxBytes || !_pages.TryAdd(key, page))
            {
                return;
            }
            _bytes += page.Length;
        }
    }
}
