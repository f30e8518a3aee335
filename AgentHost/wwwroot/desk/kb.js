// The knowledge base's editor (docs/desk.md, "Draft panel and knowledge base"): /kb/new creates through
// POST /api/articles/, /kb/{id} saves through PATCH /api/articles/{id}/ and deletes through DELETE, both conditional
// on the ETag the page was rendered with (docs/knowledge-base.md, "Endpoints"). The article itself is rendered on the
// server (its markdown is never trusted as markup), so after a save the page's own HTML is fetched again.
'use strict';

(() => {
  const form = document.getElementById('kb-editor-form');
  if (!form) return;
  const error = document.getElementById('kb-error');
  const articleView = () => document.getElementById('kb-article');

  /** The problem's detail, with each field's complaint (a 422 names them under errors). */
  function describe(err) {
    if (!(err instanceof desk.ApiError)) return err.message || String(err);
    const lines = [err.message];
    for (const [field, messages] of Object.entries(err.problem?.errors || {})) lines.push(`${field}: ${[].concat(messages).join(' ')}`);
    return lines.join('\n');
  }

  function fields() {
    const value = name => form.elements[name].value;
    return {
      title: value('title'),
      category: value('category'),
      tags: value('tags').split(',').map(tag => tag.trim()).filter(tag => tag.length > 0),
      body: value('body'),
      internal_notes: value('internal_notes'),
    };
  }

  function setBusy(busy) {
    for (const control of document.querySelectorAll('#main button, #main input, #main select, #main textarea')) control.disabled = busy;
  }

  async function create() {
    const { json } = await desk.api('POST', '/api/articles/', fields());
    location.assign(`/kb/${json.id}`);
  }

  /** Saves, then puts the server's new rendering of the article (and its new ETag) in place of the old one. */
  async function save() {
    const view = articleView();
    const id = view.dataset.articleId;
    try {
      await desk.api('PATCH', `/api/articles/${id}/`, fields(), { 'If-Match': view.dataset.etag });
    } catch (err) {
      if (err instanceof desk.ApiError && err.status === 412) {
        throw new Error(`Someone else saved this article while you were editing it, so your changes were not saved. Copy what you need and open the article again. (${err.message})`);
      }
      throw err;
    }
    const response = await fetch(`/kb/${id}`, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
    view.replaceWith(fresh.getElementById('kb-article'));
    document.title = fresh.title;
    document.getElementById('kb-editor').hidden = true;
    document.getElementById('kb-actions').hidden = false;
    document.getElementById('kb-status').textContent = 'Saved.';
    desk.announce('The article is saved.');
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.hidden = true;
    setBusy(true);
    try {
      if (articleView()) await save();
      else await create();
    } catch (err) {
      desk.showError(error, describe(err));
    } finally {
      setBusy(false);
    }
  });

  const on = (id, handler) => document.getElementById(id)?.addEventListener('click', handler);

  on('kb-edit-open', () => {
    document.getElementById('kb-status').textContent = '';
    document.getElementById('kb-editor').hidden = false;
    document.getElementById('kb-actions').hidden = true;
    document.getElementById('kb-title').focus();
  });
  on('kb-edit-cancel', () => {
    error.hidden = true;
    document.getElementById('kb-editor').hidden = true;
    document.getElementById('kb-actions').hidden = false;
    document.getElementById('kb-edit-open').focus();
  });
  on('kb-delete-open', () => {
    document.getElementById('kb-delete-confirm').hidden = false;
    document.getElementById('kb-delete-cancel').focus();
  });
  on('kb-delete-cancel', () => {
    document.getElementById('kb-delete-confirm').hidden = true;
    document.getElementById('kb-delete-open').focus();
  });
  on('kb-delete', async () => {
    const view = articleView();
    setBusy(true);
    try {
      await desk.api('DELETE', `/api/articles/${view.dataset.articleId}/`, undefined, { 'If-Match': view.dataset.etag });
      location.assign('/kb?deleted=1');
    } catch (err) {
      const message = err instanceof desk.ApiError && err.status === 412
        ? `Someone changed this article since you opened it, so it was not deleted. Open it again to see the change. (${err.message})`
        : describe(err);
      desk.showError(document.getElementById('kb-delete-error'), message);
      setBusy(false);
    }
  });
})();
