// The requester portal (docs/desk.md, "Requester portal"): the "Get help" chat over POST /chat (docs/chat-sse.md),
// adding a message to one's ticket and rating it, through the REST API as the person signed in. Everything a person
// reads on /my and /my/{id} is rendered by the server; this script only carries out what they do.
'use strict';

(() => {
  /** Tool activity in a requester's words: what the assistant is doing, never a tool's name or its JSON. */
  const activity = {
    create_ticket: 'Filing your ticket',
    search_articles: 'Looking for articles',
    get_article: 'Reading an article',
    list_tickets: 'Looking through your tickets',
    count_tickets: 'Counting your tickets',
    get_ticket: 'Reading your ticket',
    list_messages: 'Reading the conversation',
    add_message: 'Adding your message',
    set_ticket_status: 'Updating your ticket',
    update_ticket: 'Updating your ticket',
  };

  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const hideError = el => { el.hidden = true; el.removeAttribute('role'); el.textContent = ''; };

  // ---- /help: the chat ----------------------------------------------------------------------------------------

  function startChat(form) {
    const log = document.getElementById('chat-log');
    const input = document.getElementById('chat-message');
    const send = document.getElementById('chat-send');
    const error = document.getElementById('chat-error');
    let sessionId = null; // kept for the page: every turn continues the same conversation
    const linked = new Set();
    form.hidden = false;

    input.addEventListener('keydown', event => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });

    form.addEventListener('submit', async event => {
      event.preventDefault();
      const message = input.value.trim();
      if (!message || send.disabled) return;
      hideError(error);
      send.disabled = true;

      const mine = element('li', 'bubble user');
      mine.append(element('p', 'who', 'You'), element('p', 'said', message));
      const answer = element('li', 'bubble assistant');
      const steps = element('ul', 'activity');
      const said = element('p', 'said');
      const links = element('ul', 'filed');
      answer.append(element('p', 'who', 'Assistant'), steps, said, links);
      answer.setAttribute('aria-busy', 'true');
      log.append(mine, answer);

      let filed = false;
      let ended = false;
      try {
        await desk.stream('/chat', sessionId ? { message, session_id: sessionId } : { message }, frame => {
          const data = frame.data ? JSON.parse(frame.data) : {};
          if (frame.event === 'token') {
            said.textContent += data.delta;
          } else if (frame.event === 'tool') {
            const doing = activity[data.name] || 'Working on it';
            steps.append(element('li', data.status === 'succeeded' ? 'ok' : 'error',
              `${doing}... ${data.status === 'succeeded' ? 'done.' : 'that did not work.'}`));
            if (data.name === 'create_ticket' && data.status === 'succeeded') filed = true;
          } else if (frame.event === 'end') {
            ended = true;
            sessionId = data.session_id;
          } else if (frame.event === 'error') {
            ended = true;
            throw new Error(data.message);
          }
        });
        if (!ended) throw new Error('The answer was cut off. Send your message again.');
        if (input.value.trim() === message) input.value = '';
        if (filed) await linkFiledTickets(links);
      } catch (err) {
        answer.classList.add('failed');
        desk.showError(error, err);
      } finally {
        answer.removeAttribute('aria-busy');
        send.disabled = false;
        input.focus();
      }
    });

    /**
     * The tickets the assistant filed, as links: their ids come from the stored session (GET /chat/sessions/{id},
     * "ticket_ids"), the structured record of successful create_ticket results, never from the answer's wording.
     */
    async function linkFiledTickets(list) {
      const { json } = await desk.api('GET', `/chat/sessions/${encodeURIComponent(sessionId)}`);
      for (const id of json.ticket_ids) {
        if (linked.has(id)) continue;
        linked.add(id);
        let title = '';
        try {
          title = (await desk.api('GET', `/api/tickets/${id}/`)).json.title;
        } catch {
          // The link still leads to the ticket; its page says what there is to say.
        }
        const item = element('li');
        const link = element('a', null, `Your ticket #${id}${title ? `: ${title}` : ''}`);
        link.href = `/my/${id}`;
        item.append(link);
        list.append(item);
        desk.announce(`Ticket #${id} filed.`);
      }
    }
  }

  // ---- /my/{id}: add a message, rate ----------------------------------------------------------------------------

  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = n => String(n).padStart(2, '0');

  /** As the server writes times (PortalText.Human), so a message added here reads like the ones rendered. */
  const humanTime = iso => {
    const d = new Date(iso);
    return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
  };

  const statusWords = { OPEN: 'Open', RESOLVED: 'Resolved', CLOSED: 'Closed' };

  function startMessages(form) {
    const id = form.dataset.ticket;
    const body = document.getElementById('message-body');
    const error = document.getElementById('message-error');
    const button = form.querySelector('button[type="submit"]');
    form.hidden = false;

    form.addEventListener('submit', async event => {
      event.preventDefault();
      hideError(error);
      button.disabled = true;
      try {
        const { json: message } = await desk.api('POST', `/api/tickets/${id}/messages/`, { kind: 'customer', body: body.value });
        const item = element('li', 'message customer');
        const header = element('header', null, `You · ${message.author ?? 'you'} · `);
        const time = element('time', null, humanTime(message.created));
        time.dateTime = message.created;
        header.append(time);
        item.append(header, element('p', 'portal-body', message.body));
        document.getElementById('thread').append(item);
        document.getElementById('thread-empty')?.remove();
        body.value = '';
        desk.announce('Message sent.');
        await refreshStatus(id);
      } catch (err) {
        desk.showError(error, err);
      } finally {
        button.disabled = false;
      }
    });
  }

  /** A customer message may reopen a resolved ticket: the badge shows what the API now says. */
  async function refreshStatus(id) {
    const badge = document.getElementById('ticket-status');
    try {
      const { json } = await desk.api('GET', `/api/tickets/${id}/`);
      badge.textContent = statusWords[json.resolution_status] ?? json.resolution_status;
      badge.className = `badge ${json.resolution_status.toLowerCase()}`;
    } catch {
      // The message is in; a stale badge is corrected by the next page load.
    }
  }

  function startRating(form) {
    const id = form.dataset.ticket;
    const error = document.getElementById('rating-error');
    const button = form.querySelector('button[type="submit"]');
    form.hidden = false;

    form.addEventListener('submit', async event => {
      event.preventDefault();
      hideError(error);
      const chosen = form.querySelector('input[name="score"]:checked');
      // The radios are required, so a score is chosen; were it not, the API's 400 would be what the person reads.
      const request = { score: chosen ? Number(chosen.value) : null };
      const comment = document.getElementById('rating-comment').value.trim();
      if (comment) request.comment = comment;
      button.disabled = true;
      try {
        const { json: rating } = await desk.api('POST', `/api/tickets/${id}/rating/`, request);
        const given = element('p', null, `You rated this ${rating.score} out of 5.`);
        given.id = 'rating-given';
        const parts = [given];
        if (rating.comment) parts.push(element('blockquote', 'portal-body', rating.comment));
        form.replaceWith(...parts);
        desk.announce('Thank you for your rating.');
      } catch (err) {
        desk.showError(error, err);
        button.disabled = false;
      }
    });
  }

  // The script runs: the notes saying a form needs it give way to the forms.
  for (const note of document.querySelectorAll('.portal-no-script')) note.remove();

  const chat = document.getElementById('chat-form');
  if (chat) startChat(chat);
  const messages = document.getElementById('message-form');
  if (messages) startMessages(messages);
  const rating = document.getElementById('rating-form');
  if (rating) startRating(rating);
})();
