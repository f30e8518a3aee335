// The draft panel of the ticket view (docs/desk.md, "Draft panel and knowledge base"). Every change goes through
// the draft API of docs/drafts.md: generating and refining stream the reply in as it is written ("Streaming"),
// an edit is a PUT conditional on the version shown, and only the Send buttons approve ("Sending"). The server
// renders the panel's parts once; this script fills the same parts from the API's answers.
'use strict';

(() => {
  const panel = document.getElementById('draft-panel');
  if (!panel) return;
  const ticketId = panel.dataset.ticketId;
  const draftUrl = `/api/tickets/${ticketId}/draft`;
  const part = id => document.getElementById(id);
  const error = part('draft-error');
  const reply = part('draft-reply');
  const editForm = part('draft-edit');
  const solutionWords = { FINAL: panel.dataset.final, NEEDS_FOLLOW_UP: panel.dataset.needsFollowUp };

  /** The draft on screen: what an edit starts from and which version a Send approves. */
  let shown = panel.dataset.draft ? JSON.parse(panel.dataset.draft) : null;

  /** The problem's detail, with each field's complaint (a 422 names them under errors). */
  function describe(problem, fallback) {
    const lines = [problem?.detail || problem?.title || fallback];
    for (const [field, messages] of Object.entries(problem?.errors || {})) lines.push(`${field}: ${[].concat(messages).join(' ')}`);
    return lines.join('\n');
  }

  function showProblem(err) {
    desk.showError(error, err instanceof desk.ApiError ? describe(err.problem, err.message) : err);
  }

  function clearMessages() {
    error.hidden = true;
    error.textContent = '';
    part('draft-sent').hidden = true;
  }

  /**
   * Keyboard users keep their place: a busy panel disables the button that was pressed and a swap may hide it, which
   * drops the focus to the page's body; it lands on target instead (the new draft's heading, the panel's heading).
   */
  function landFocus(target) {
    const at = document.activeElement;
    if (!at || at === document.body || (panel.contains(at) && (at.disabled || at.offsetParent === null))) target?.focus();
  }

  function setBusy(busy) {
    panel.setAttribute('aria-busy', String(busy));
    for (const control of panel.querySelectorAll('button, input, textarea')) control.disabled = busy;
  }

  /** "Version 3, written offline, edited by a person." (as DraftPanelText.About writes it on the server). */
  function about(draft) {
    const by = draft.generated_by;
    const writer = by.startsWith('model:') ? `by ${by.slice('model:'.length)}` : by === 'offline' ? 'offline' : `by ${by}`;
    let text = `Version ${draft.version}, written ${writer}`;
    if (draft.edited) text += ', edited by a person';
    else if (draft.instruction) text += `, refined: \u201C${draft.instruction}\u201D`;
    return text + '.';
  }

  function fillList(list, items, makeItem) {
    list.replaceChildren(...items.map(item => {
      const li = document.createElement('li');
      li.append(makeItem(item));
      return li;
    }));
    list.parentElement.hidden = items.length === 0;
  }

  /** Shows a stored draft (the JSON of docs/drafts.md, "The draft"), or the empty panel when there is none. */
  function render(draft) {
    shown = draft;
    part('draft-empty').hidden = !!draft;
    part('draft-current').hidden = !draft;
    editForm.hidden = true;
    reply.hidden = false;
    if (!draft) {
      part('draft-about').textContent = 'No draft yet.';
      return;
    }
    part('draft-about').textContent = about(draft);
    reply.textContent = draft.reply;
    part('draft-remark').hidden = !draft.remark;
    part('draft-remark-text').textContent = draft.remark || '';
    part('draft-solution').textContent = solutionWords[draft.solution_status] || draft.solution_status;
    fillList(part('draft-questions'), draft.follow_up_questions, question => question);
    fillList(part('draft-sources'), draft.sources, source => {
      const link = document.createElement('a');
      link.href = source.type === 'article' ? `/kb/${source.id}` : `/tickets/${source.id}`;
      link.textContent = source.title;
      return link;
    });
    part('draft-tech-text').textContent = draft.tech_instructions;
  }

  /**
   * A fresh draft (no instruction) or a refinement, streamed: the reply grows as token frames arrive, then the
   * stored draft of the end frame replaces it. An error frame, or a stream that stops short, leaves the draft as
   * it was (nothing was stored: docs/drafts.md, "Streaming").
   */
  async function write(instruction) {
    clearMessages();
    const before = shown;
    setBusy(true);
    part('draft-empty').hidden = true;
    part('draft-current').hidden = false;
    editForm.hidden = true;
    reply.hidden = false;
    reply.textContent = '';
    part('draft-about').textContent = instruction ? 'Refining the draft\u2026' : 'Writing a draft\u2026';
    let written = '';
    let stored = null;
    let failed = null;
    try {
      await desk.stream(draftUrl, instruction ? { instruction } : {}, frame => {
        if (frame.event === 'token') {
          written += JSON.parse(frame.data).delta;
          reply.textContent = written;
        } else if (frame.event === 'end') {
          stored = JSON.parse(frame.data);
        } else if (frame.event === 'error') {
          const problem = JSON.parse(frame.data);
          failed = new desk.ApiError(problem.status, problem);
        }
      });
      if (!stored && !failed) failed = new Error('The draft stopped before it was finished; nothing was stored. Try again.');
    } catch (err) {
      failed = err;
    } finally {
      setBusy(false);
    }
    if (failed) {
      render(before);
      showProblem(failed);
      landFocus(before ? part('draft-reply-heading') : part('draft-generate'));
      return;
    }
    render(stored);
    landFocus(part('draft-reply-heading'));
    part('draft-instruction').value = '';
    desk.announce(stored.remark ? `Draft version ${stored.version} is ready; not everything was applied.` : `Draft version ${stored.version} is ready.`);
  }

  async function save(event) {
    event.preventDefault();
    clearMessages();
    setBusy(true);
    try {
      const { json } = await desk.api('PUT', draftUrl,
        { reply: part('draft-edit-reply').value, tech_instructions: part('draft-edit-tech').value },
        { 'If-Match': `"${shown.version}"` });
      render(json);
      desk.announce(`Your edit is saved as version ${json.version}.`);
    } catch (err) {
      if (err instanceof desk.ApiError && err.status === 412) {
        desk.showError(error, `Someone changed this draft while you were editing it, so your edit was not saved. Your text is still in the boxes: copy it, then Cancel to see the newer draft. (${err.message})`);
      } else {
        showProblem(err);
      }
    } finally {
      setBusy(false);
    }
  }

  async function cancelEdit() {
    clearMessages();
    try {
      // The draft may have moved on while the person edited (a 412 says so); show the newest one.
      const { json } = await desk.api('GET', draftUrl);
      render(json);
    } catch (err) {
      if (err instanceof desk.ApiError && err.status === 404) render(null);
      else showProblem(err);
    }
  }

  /** The approval: the person's click, never anything else, sends (docs/drafts.md, "Sending"). */
  async function send(resolve) {
    const pressed = document.activeElement;
    clearMessages();
    setBusy(true);
    try {
      const { json } = await desk.api('POST', `${draftUrl}/send`, { resolve, version: shown.version });
      render(null);
      const sent = part('draft-sent');
      sent.textContent = resolve ? 'Sent, and the ticket is resolved.' : 'Sent.';
      sent.hidden = false;
      desk.announce(resolve ? 'The reply was sent and the ticket resolved.' : 'The reply was sent.');
      // The ticket view shows the thread; it listens for this to show the new reply (docs/desk.md).
      document.dispatchEvent(new CustomEvent('desk:thread-changed', { detail: { ticketId: Number(ticketId), message: json, resolved: resolve } }));
    } catch (err) {
      showProblem(err);
    } finally {
      setBusy(false);
    }
    landFocus(shown ? pressed : part('draft-heading'));
  }

  part('draft-generate').addEventListener('click', () => write(null));
  for (const button of panel.querySelectorAll('[data-instruction]')) {
    button.addEventListener('click', () => write(button.dataset.instruction));
  }
  part('draft-refine-form').addEventListener('submit', event => {
    event.preventDefault();
    const instruction = part('draft-instruction').value.trim();
    if (instruction) write(instruction);
  });
  part('draft-tech-toggle').addEventListener('click', event => {
    const open = event.currentTarget.getAttribute('aria-expanded') !== 'true';
    event.currentTarget.setAttribute('aria-expanded', String(open));
    part('draft-tech').hidden = !open;
  });
  part('draft-edit-open').addEventListener('click', () => {
    clearMessages();
    part('draft-edit-reply').value = shown.reply;
    part('draft-edit-tech').value = shown.tech_instructions;
    reply.hidden = true;
    editForm.hidden = false;
    part('draft-edit-reply').focus();
  });
  editForm.addEventListener('submit', save);
  part('draft-edit-cancel').addEventListener('click', cancelEdit);
  for (const button of panel.querySelectorAll('[data-resolve]')) {
    button.addEventListener('click', () => send(button.dataset.resolve === 'true'));
  }

  // Live (the ticket view's event stream, ticket.js): a draft written or sent by someone else replaces the one shown,
  // so Send never approves a version nobody on this page has read. Not while this page is busy (the news is most
  // likely its own echo, and its own answer is about to be shown) nor while a person edits (Save's If-Match says so).
  let looking = false;
  document.addEventListener('desk:draft-news', async () => {
    if (looking || panel.getAttribute('aria-busy') === 'true' || !editForm.hidden) return;
    looking = true;
    try {
      let newest = null;
      try {
        ({ json: newest } = await desk.api('GET', draftUrl));
      } catch (err) {
        if (!(err instanceof desk.ApiError && err.status === 404)) throw err;
      }
      if (panel.getAttribute('aria-busy') === 'true' || !editForm.hidden) return;
      if ((newest?.version ?? null) === (shown?.version ?? null)) return;
      render(newest);
      desk.announce(newest ? `Someone else wrote draft version ${newest.version}; the panel shows it now.` : 'The draft was sent or discarded by someone else.');
    } catch (err) {
      showProblem(err);
    } finally {
      looking = false;
    }
  });
})();
