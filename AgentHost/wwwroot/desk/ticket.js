// The ticket view's actions (docs/desk.md, "Agent queue and ticket view"). Each goes through the REST API as the
// signed-in person, so the API's rules (roles, lifecycle, versions) decide; afterwards the ticket's part of the
// page is fetched again as the server renders it (?handler=view) and swapped in without a reload. A refusal
// is shown in role=alert with the API's own problem details.
'use strict';

(() => {
  const live = document.getElementById('ticket-live');
  const errorBox = document.getElementById('ticket-error');
  if (!live) return;
  const id = live.dataset.ticketId;
  const ticketUrl = `/api/tickets/${id}/`;
  const etag = () => document.getElementById('ticket-view')?.dataset.etag || undefined;

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

  async function reloadView() {
    const focusedId = live.contains(document.activeElement) ? document.activeElement.id : null;
    const focusedKey = document.activeElement?.dataset ? JSON.stringify(document.activeElement.dataset) : null;
    const response = await fetch(`${location.pathname}?handler=view`, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`The ticket could not be read again (${response.status}); reload the page.`);
    live.innerHTML = await response.text();
    // Keep the focus on the control that was used, or its successor with the same role on the new page.
    const again = focusedId ? document.getElementById(focusedId)
      : [...live.querySelectorAll('button')].find(b => JSON.stringify(b.dataset) === focusedKey);
    (again || document.getElementById('ticket-view')?.querySelector('h1'))?.focus?.();
  }

  async function act(button, work, said) {
    clearError();
    if (button) button.disabled = true;
    try {
      await work();
      await reloadView();
      if (said) desk.announce(said);
    } catch (error) {
      showProblem(error);
    } finally {
      if (button && button.isConnected) button.disabled = false;
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
      act(button, () => desk.api('PUT', `${ticketUrl}assignee/`, { assignee }), assignee ? 'Assigned.' : 'Unassigned.');
    }
  });

  // The draft panel sent a reply (and maybe resolved the ticket): the thread, status and history shown here moved.
  document.addEventListener('desk:thread-changed', () => {
    reloadView().catch(showProblem);
  });

  live.addEventListener('submit', event => {
    event.preventDefault();
    const form = event.target;
    const button = event.submitter;
    if (form.id === 'assign-form') {
      const assignee = form.elements.assignee.value;
      act(button, () => desk.api('PUT', `${ticketUrl}assignee/`, { assignee }), 'Assigned.');
    } else if (form.id === 'message-form') {
      const kind = button?.value === 'reply' ? 'reply' : 'note';
      const body = form.elements.body.value;
      act(button, () => desk.api('POST', `${ticketUrl}messages/`, { kind, body }), kind === 'reply' ? 'Reply posted.' : 'Note added.');
    }
  });
})();
