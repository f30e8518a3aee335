// The desk's shared helpers (docs/desk.md, "Scripts"). Pages render everything readable on the server; these
// helpers carry out what a person changes, through the same REST API every other client uses, as the person
// signed in (the sign-in cookie rides along on same-origin requests).
'use strict';

window.desk = (() => {
  /** An API refusal: the problem details' title and detail, and the status. */
  class ApiError extends Error {
    constructor(status, problem) {
      super(problem?.detail || problem?.title || `The request failed (${status}).`);
      this.status = status;
      this.problem = problem;
    }
  }

  const headers = extra => Object.assign({ 'Accept': 'application/json', 'X-AgentTickets-Channel': 'web' }, extra);

  /** Calls the REST API; resolves with the parsed JSON (null for 204) and the response, or throws ApiError. */
  async function api(method, url, body, extraHeaders) {
    const init = { method, headers: headers(extraHeaders), credentials: 'same-origin' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url, init);
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) throw new ApiError(response.status, json);
    return { json, response };
  }

  /**
   * Reads a text/event-stream answer of a POST (the chat, a draft being written) frame by frame, as
   * docs/chat-sse.md describes them: onFrame({ event, data, id }) for each; resolves when the stream ends.
   */
  async function stream(url, body, onFrame, signal) {
    const response = await fetch(url, {
      method: 'POST',
      headers: headers({ 'Accept': 'text/event-stream', 'Content-Type': 'application/json' }),
      credentials: 'same-origin',
      body: JSON.stringify(body),
      signal,
    });
    if (!response.ok) {
      const text = await response.text();
      throw new ApiError(response.status, text ? JSON.parse(text) : null);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const frame = { event: 'message', data: '', id: null };
        const data = [];
        for (const line of block.split('\n')) {
          if (!line || line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') frame.event = val;
          else if (field === 'data') data.push(val);
          else if (field === 'id') frame.id = val;
        }
        if (data.length === 0 && frame.event === 'message') continue;
        frame.data = data.join('\n');
        onFrame(frame);
      }
    }
  }

  /** How long after one announcement another is added to it rather than replacing it. */
  const TOGETHER_MS = 2000;
  let lastAnnounced = -Infinity;

  /**
   * Says something to screen-reader users at once (the layout's live region). Said within a moment of the last
   * announcement (the ticket view and its draft panel answering the same live event, say), it is added to it, so
   * the later never wipes out the earlier before it is heard; the live region reads only the words added. Later,
   * the region starts afresh a moment after being cleared, so the same words twice are still read out.
   */
  function announce(text) {
    const region = document.getElementById('announcer');
    if (!region) return;
    const now = performance.now();
    const together = now - lastAnnounced < TOGETHER_MS;
    lastAnnounced = now;
    // A burst (a queue flooded with URGENT tickets) starts afresh now and then rather than growing without end.
    if (!together || region.textContent.length > 600) region.textContent = '';
    setTimeout(() => { region.append(region.textContent ? ` ${text}` : text); }, 50);
  }

  /** Shows an error in an element (role="alert" is added so it is read out). */
  function showError(element, error) {
    if (!element) return;
    element.hidden = false;
    element.setAttribute('role', 'alert');
    element.textContent = error instanceof Error ? error.message : String(error);
  }

  return { api, stream, announce, showError, ApiError };
})();
