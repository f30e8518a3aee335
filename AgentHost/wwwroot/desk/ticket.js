// The ticket view's actions and its live updates (docs/desk.md, "Agent queue and ticket view"). Each action goes
// through the REST API as the signed-in person, so the API's rules (roles, lifecycle, versions) decide; afterwards
// the ticket's part of the page is fetched again as the server renders it (?handler=view) and swapped in without a
// reload. The same happens when /api/events (docs/accounts.md, "Live events") says someone else changed this
// ticket. A swap keeps the focus and whatever is being typed. A refusal is shown in role=alert with the API's own
// problem details.
'use strict';

(() => {
  const live = document.getElementById('ticket-live');
  const errorBox = document.getElementById('ticket-error');
  if (!live) return;
  const id = live.dataset.ticketId;
  const ticketUrl = `/api/tickets/${id}/`;
  const viewUrl = `${location.pathname}?handler=view`;
  const etag = () => document.getElementById('ticket-view')?.dataset.etag || undefined;
  const liveTypes = ['ticket.updated', 'ticket.status_changed', 'message.created', 'ticket.deleted', 'events.missed'];

  /** The fragment last swapped in: a fetch that brings the same HTML back changed nothing (the echo of our own change). */
  let shownHtml = null;
  let gone = false;
  /** Actions of this page still running: a live event meanwhile is most likely their own echo, not news. */
  let ownWork = 0;
  /** The live stream, when the browser has EventSource. */
  let events = null;

  function clearError() {
    errorBox.hidden = true;
    errorBox.textContent = '';
  }

  function showProblem(error) {
    if (error instanceof desk.ApiError && error.status === 412) {
      errorBox.hidden = false;
      errorBox.setAttribute('role', 'alert');
      errorBox.textContent = 'This ticket was changed by someone else since the page was loaded; reload to see the changes. ';
      const reload = document.createElement('a');
      reload.href = location.pathname;
      reload.textContent = 'Reload';
      errorBox.append(reload);
      return;
    }
    const fieldErrors = error?.problem?.errors ? Object.values(error.problem.errors).flat() : [];
    desk.showError(errorBox, error);
    if (fieldErrors.length > 0 && !fieldErrors.includes(errorBox.textContent)) {
      errorBox.textContent += ' ' + fieldErrors.join(' ');
    }
  }

  /** Says the ticket is gone and disables what could only fail now; the page's content stays readable. */
  function showGone() {
    if (gone) return;
    gone = true;
    errorBox.hidden = false;
    errorBox.classList.add('ticket-gone');
    errorBox.setAttribute('role', 'alert');
    errorBox.textContent = 'This ticket was deleted by someone else; nothing on this page can be changed any more.';
    const back = document.createElement('a');
    back.href = '/queue';
    back.textContent = 'Back to the queue';
    errorBox.append(back);
    for (const control of live.querySelectorAll('button, textarea, select, input')) control.disabled = true;
    events?.close();
  }

  // Where the focus is, described so that the same control can be found again in the fragment swapped in: its
  // id, or what tells a button apart (its data-*, value, words and form), and the section it sits in.
  function focusKey() {
    const element = document.activeElement;
    if (!element || element === live || !live.contains(element)) return null;
    return {
      id: element.id || null,
      tag: element.tagName,
      data: JSON.stringify({ ...element.dataset }),
      value: element.value ?? '',
      text: element.textContent.trim(),
      form: element.form?.id ?? '',
      section: element.closest('section[aria-labelledby]')?.getAttribute('aria-labelledby') ?? null,
    };
  }

  function refocus(key) {
    if (!key) return;
    const same = key.id ? document.getElementById(key.id)
      : [...live.querySelectorAll(key.tag)].find(e => JSON.stringify({ ...e.dataset }) === key.data
        && (e.value ?? '') === key.value && e.textContent.trim() === key.text && (e.form?.id ?? '') === key.form);
    // The control may be gone (Resolve after resolving): its section's heading says where the person is.
    const target = same && !same.disabled ? same : document.getElementById(key.section) || live.querySelector('h1');
    target?.focus();
  }

  /** What the person has typed or chosen but not sent, by control id, so a swap does not throw it away. */
  function unsent() {
    const kept = [];
    for (const control of live.querySelectorAll('textarea[id], input[id], select[id]')) {
      const changed = control.tagName === 'SELECT'
        ? [...control.options].some(o => o.selected !== o.defaultSelected)
        : control.value !== control.defaultValue;
      if (changed) kept.push({ id: control.id, value: control.value, start: control.selectionStart, end: control.selectionEnd });
    }
    return kept;
  }

  function putBack(kept) {
    for (const { id: controlId, value, start, end } of kept) {
      const control = document.getElementById(controlId);
      if (!control) continue;
      control.value = value;
      if (start !== null && start !== undefined && typeof control.setSelectionRange === 'function') control.setSelectionRange(start, end);
    }
  }

  /** Fetches the ticket's part as the server renders it now and swaps it in; resolves to whether anything changed. */
  async function reloadView(key) {
    const response = await fetch(viewUrl, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' });
    if (response.status === 404) {
      showGone();
      return false;
    }
    if (!response.ok) throw new Error(`The ticket could not be read again (${response.status}); reload the page.`);
    const html = await response.text();
    if (html === shownHtml) return false;
    const focused = key === undefined ? focusKey() : key;
    const kept = unsent();
    live.innerHTML = html;
    shownHtml = html;
    putBack(kept);
    refocus(focused);
    return true;
  }

  // One swap at a time, in order: an action's own refresh and a live one never interleave.
  let queue = Promise.resolve();
  function serially(task) {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function act(button, work, said) {
    clearError();
    // Taken before the button is disabled: a disabled button loses the focus, and it must come back to it.
    const key = focusKey();
    if (button) button.disabled = true;
    ownWork++;
    try {
      await serially(async () => {
        await work();
        await reloadView(key);
      });
      if (said) desk.announce(said);
    } catch (error) {
      showProblem(error);
    } finally {
      ownWork--;
      if (button && button.isConnected && !gone) button.disabled = false;
      // Nothing was swapped in (a refusal, or a change that changed nothing shown): the focus the disabled button
      // dropped goes back to it.
      if (!document.activeElement || document.activeElement === document.body) refocus(key);
    }
  }

  live.addEventListener('click', event => {
    const button = event.target.closest('button');
    if (!button || button.type === 'submit') return;
    if (button.dataset.status) {
      const status = button.dataset.status;
      act(button, () => desk.api('PATCH', ticketUrl, { resolution_status: status }, { 'If-Match': etag() }), `Status is now ${status}.`);
    } else if (button.dataset.field) {
      const { field, value } = button.dataset;
      act(button, () => desk.api('PATCH', ticketUrl, { [field]: value }, { 'If-Match': etag() }), `The ${field} is now ${value}.`);
    } else if (button.dataset.assign !== undefined) {
      const assignee = button.dataset.assign || null;
      act(button, () => desk.api('PUT', `${ticketUrl}assignee/`, { assignee }, { 'If-Match': etag() }), assignee ? 'Assigned.' : 'Unassigned.');
    }
  });

  // The draft panel sent a reply (and maybe resolved the ticket): the thread, status and history shown here moved.
  document.addEventListener('desk:thread-changed', () => {
    serially(() => reloadView()).catch(showProblem);
  });

  live.addEventListener('submit', event => {
    event.preventDefault();
    const form = event.target;
    const button = event.submitter;
    if (form.id === 'assign-form') {
      const assignee = form.elements.assignee.value;
      act(button, () => desk.api('PUT', `${ticketUrl}assignee/`, { assignee }, { 'If-Match': etag() }), 'Assigned.');
    } else if (form.id === 'message-form') {
      const kind = button?.value === 'reply' ? 'reply' : 'note';
      const box = form.elements.body;
      const body = box.value;
      act(button, async () => {
        await desk.api('POST', `${ticketUrl}messages/`, { kind, body });
        // Sent: the text is no longer "being typed", so the swap must not put it back.
        if (box.isConnected) box.value = box.defaultValue;
      }, kind === 'reply' ? 'Reply posted.' : 'Note added.');
    }
  });

  // Live: someone else's change to this ticket refreshes the page's part of it. The stream resumes after the newest
  // event the page was rendered with, so a change made in between is not missed.
  if (!window.EventSource) return;
  events = new EventSource(live.dataset.eventsUrl || '/api/events');
  events.addEventListener('open', () => { live.dataset.live = 'connected'; });
  events.addEventListener('error', () => { if (!gone) live.dataset.live = 'reconnecting'; });
  let pending = false;
  /** Whether a frame concerns this ticket; events.missed may have hidden any change, so it concerns every page. */
  const aboutThisTicket = frame => {
    if (frame.type === 'events.missed') return true;
    let data = {};
    try { data = JSON.parse(frame.data || '{}'); } catch { /* a frame without JSON names no ticket */ }
    return String(data.ticket_id) === id;
  };
  const onEvent = frame => {
    if (!aboutThisTicket(frame)) return;
    if (frame.type === 'ticket.deleted') {
      showGone();
      return;
    }
    // Events arriving while a refresh waits are answered by that refresh: it reads the ticket as it is then.
    if (pending || gone) return;
    pending = true;
    const echo = ownWork > 0 || document.getElementById('draft-panel')?.getAttribute('aria-busy') === 'true';
    serially(async () => {
      pending = false;
      const changed = await reloadView();
      if (changed && !echo) desk.announce('Someone else changed this ticket; the page shows it now.');
    }).catch(showProblem);
  };
  for (const type of liveTypes) events.addEventListener(type, onEvent);
  // The draft panel (drafts.js) follows drafts written or sent by someone else through the same stream.
  const tellDraftPanel = frame => {
    if (aboutThisTicket(frame)) document.dispatchEvent(new CustomEvent('desk:draft-news', { detail: { type: frame.type } }));
  };
  for (const type of ['draft.ready', 'message.created', 'events.missed']) events.addEventListener(type, tellDraftPanel);
  window.addEventListener('pagehide', () => events.close());
})();
