// The live queue (docs/desk.md, "Agent queue and ticket view"). The server renders the queue; this script only
// keeps it current: on a ticket event from /api/events (docs/accounts.md, "Live events") it fetches the same
// queue's live part, rendered by the server for the same filters (?handler=rows), and swaps it in without a
// reload, keeping the focus where it was. A new URGENT ticket is announced and marked.
'use strict';

(() => {
  const live = document.getElementById('queue-live');
  if (!live || !window.EventSource) return;
  const rowsUrl = live.dataset.rowsUrl;
  const refreshing = new Set(['ticket.created', 'ticket.updated', 'ticket.status_changed', 'ticket.deleted', 'events.missed']);
  const fresh = new Set();         // ids of tickets created while the page is open: marked as new
  const urgentNew = new Set();     // of them, the URGENT ones still to be announced
  let inFlight = null;
  let again = false;

  async function refresh() {
    // One fetch at a time; events arriving meanwhile make one more afterwards, so the last state always lands.
    if (inFlight) { again = true; return inFlight; }
    inFlight = (async () => {
      do {
        again = false;
        const response = await fetch(rowsUrl, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' });
        if (!response.ok && response.status !== 400 && response.status !== 404) return;
        swap(await response.text());
      } while (again);
    })().finally(() => { inFlight = null; });
    return inFlight;
  }

  function swap(html) {
    const focusedId = live.contains(document.activeElement) ? document.activeElement.id : null;
    live.innerHTML = html;
    for (const row of live.querySelectorAll('tr[data-ticket-id]')) {
      const id = row.dataset.ticketId;
      if (!fresh.has(id)) continue;
      row.classList.add('queue-new');
      const link = row.querySelector('a');
      if (link && !link.querySelector('.badge.new')) {
        const marker = document.createElement('span');
        marker.className = 'badge new';
        marker.textContent = 'New';
        link.after(' ', marker);
      }
      if (urgentNew.has(id)) {
        urgentNew.delete(id);
        desk.announce(`New URGENT ticket: ${link ? link.textContent : '#' + id}`);
      }
    }
    for (const id of urgentNew) {
      // Not on this page of these filters: still worth saying.
      desk.announce(`New URGENT ticket #${id}`);
    }
    urgentNew.clear();
    if (focusedId) document.getElementById(focusedId)?.focus();
  }

  // Resumes after the newest event the server saw when it rendered the page, so nothing in between is lost.
  const events = new EventSource(live.dataset.eventsUrl || '/api/events');
  // Says when the stream is open (tests wait for it; events before it are not the page's to show).
  events.addEventListener('open', () => { live.dataset.live = 'connected'; });
  events.addEventListener('error', () => { live.dataset.live = 'reconnecting'; });
  const onEvent = frame => {
    let data = {};
    try { data = JSON.parse(frame.data || '{}'); } catch { /* a frame without JSON still means "look again" */ }
    if (frame.type === 'ticket.created' && data.ticket_id !== undefined) {
      const id = String(data.ticket_id);
      fresh.add(id);
      if (data.urgent) urgentNew.add(id);
    }
    refresh();
  };
  for (const type of refreshing) events.addEventListener(type, onEvent);
  window.addEventListener('pagehide', () => events.close());
})();
