// The admin pages (docs/desk.md, "Admin"): /admin/users and /admin/keys. The pages are rendered on the server;
// every change is a call of the REST API (docs/accounts.md, "Users" and "API keys") through desk.api, so the API's
// rules and refusals are the page's. Rows are built with textContent only: emails and key names are people's input.
'use strict';

(() => {
  /** The problem's detail and, for field errors, each field's messages: "email taken", "Invalid role 'x'..." */
  function describe(error) {
    const errors = error?.problem?.errors;
    if (!errors) return error;
    const fields = Object.entries(errors).map(([field, messages]) => `${field}: ${[].concat(messages).join(' ')}`);
    return new Error([error.message, ...fields].join(' '));
  }

  function hide(element) {
    element.hidden = true;
    element.textContent = '';
  }

  /** Asks in the page's dialog; resolves true when the person pressed the button whose value is `yes`. */
  function confirmIn(dialog, label, yes) {
    dialog.querySelectorAll('[data-field]').forEach(span => { span.textContent = label; });
    return new Promise(resolve => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === yes), { once: true });
      dialog.returnValue = '';
      dialog.showModal();
    });
  }

  function cell(tag, text, scope) {
    const element = document.createElement(tag);
    if (scope) element.scope = scope;
    element.textContent = text;
    return element;
  }

  function button(text, action, style) {
    const element = cell('button', text);
    element.type = 'button';
    element.className = style;
    element.dataset.action = action;
    return element;
  }

  // ---- /admin/users ------------------------------------------------------------------------------------------
  const people = document.getElementById('people');
  if (people) {
    const pageError = document.getElementById('users-error');
    const form = document.getElementById('new-person');
    const formError = document.getElementById('new-person-error');
    const oneTime = document.getElementById('one-time-password');
    const roles = ['requester', 'agent', 'admin'];

    function personRow(person) {
      const row = document.createElement('tr');
      row.dataset.userId = person.id;
      row.dataset.email = person.email;
      const role = cell('td', person.role);
      role.dataset.field = 'role';
      const select = document.createElement('select');
      select.id = `role-${person.id}`;
      select.dataset.action = 'role-choice';
      for (const name of roles) {
        const option = cell('option', name);
        option.value = name;
        option.selected = name === person.role;
        select.append(option);
      }
      const label = cell('label', `New role for ${person.email}`);
      label.className = 'visually-hidden';
      label.htmlFor = select.id;
      const actions = document.createElement('div');
      actions.className = 'row';
      actions.append(label, select, button('Change role', 'change-role', 'secondary'), button('Delete', 'delete', 'danger'));
      const last = document.createElement('td');
      last.append(actions);
      row.append(cell('th', person.email, 'row'), role, cell('td', 'yes'), last);
      return row;
    }

    form.addEventListener('submit', async event => {
      event.preventDefault();
      hide(formError);
      oneTime.hidden = true;
      const submit = form.querySelector('button[type=submit]');
      submit.disabled = true;
      try {
        const { json } = await desk.api('POST', '/api/users/', { email: form.elements.namedItem('email').value, role: form.elements.namedItem('role').value });
        people.tBodies[0].prepend(personRow(json));
        people.hidden = false;
        form.reset();
        if (json.one_time_password) {
          oneTime.querySelector('[data-field=email]').textContent = json.email;
          oneTime.querySelector('[data-field=password]').textContent = json.one_time_password;
          oneTime.hidden = false;
          oneTime.focus();
        }
        desk.announce(`${json.email} was created as ${json.role}.`);
      } catch (error) {
        desk.showError(formError, describe(error));
      } finally {
        submit.disabled = false;
      }
    });

    people.addEventListener('click', async event => {
      const target = event.target.closest('button[data-action]');
      if (!target) return;
      const row = target.closest('tr');
      const { userId, email } = row.dataset;
      hide(pageError);
      try {
        if (target.dataset.action === 'change-role') {
          const role = row.querySelector('select[data-action=role-choice]').value;
          const { json } = await desk.api('PUT', `/api/users/${encodeURIComponent(userId)}/role`, { role });
          row.querySelector('[data-field=role]').textContent = json.role;
          desk.announce(`${email} is now ${json.role}.`);
        } else if (target.dataset.action === 'delete') {
          if (!await confirmIn(document.getElementById('confirm-delete'), email, 'delete')) return;
          await desk.api('DELETE', `/api/users/${encodeURIComponent(userId)}/`);
          row.remove();
          desk.announce(`${email} was deleted.`);
        }
      } catch (error) {
        desk.showError(pageError, describe(error));
      }
    });
  }

  // ---- /admin/keys -------------------------------------------------------------------------------------------
  const keys = document.getElementById('keys');
  if (keys) {
    const pageError = document.getElementById('keys-error');
    const form = document.getElementById('new-key');
    const formError = document.getElementById('new-key-error');
    const secret = document.getElementById('new-key-secret');
    const secretField = document.getElementById('key-secret');

    const when = iso => iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : 'never';

    function keyRow(key) {
      const row = document.createElement('tr');
      row.dataset.keyId = key.id;
      row.dataset.name = key.name;
      const prefix = document.createElement('td');
      prefix.append(cell('code', key.prefix));
      const state = document.createElement('td');
      state.dataset.field = 'state';
      state.append(button('Revoke', 'revoke', 'danger'));
      row.append(cell('th', key.name, 'row'), prefix, cell('td', key.scopes.join(', ')), cell('td', when(key.created)), cell('td', 'never'), state);
      return row;
    }

    form.addEventListener('submit', async event => {
      event.preventDefault();
      hide(formError);
      secret.hidden = true;
      secretField.value = '';
      const submit = form.querySelector('button[type=submit]');
      submit.disabled = true;
      try {
        const { json } = await desk.api('POST', '/api/keys', { name: form.elements.namedItem('name').value, scopes: [form.elements.namedItem('scope').value] });
        keys.tBodies[0].prepend(keyRow(json));
        keys.hidden = false;
        document.getElementById('no-keys').hidden = true;
        form.reset();
        secret.querySelector('[data-field=name]').textContent = json.name;
        secretField.value = json.key;
        secret.hidden = false;
        secretField.focus();
        secretField.select();
        desk.announce(`Key ${json.name} was issued. Copy it now: it is shown only once.`);
      } catch (error) {
        desk.showError(formError, describe(error));
      } finally {
        submit.disabled = false;
      }
    });

    secret.querySelector('button[data-action=copy]').addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(secretField.value);
      } catch {
        // Without clipboard permission (an http origin other than localhost), the selection is copied the old way.
        secretField.select();
        document.execCommand('copy');
      }
      desk.announce('The key was copied.');
    });

    keys.addEventListener('click', async event => {
      const target = event.target.closest('button[data-action=revoke]');
      if (!target) return;
      const row = target.closest('tr');
      const { keyId, name } = row.dataset;
      hide(pageError);
      if (!await confirmIn(document.getElementById('confirm-revoke'), name, 'revoke')) return;
      try {
        await desk.api('DELETE', `/api/keys/${encodeURIComponent(keyId)}`);
        row.querySelector('[data-field=state]').textContent = 'Revoked just now';
        desk.announce(`Key ${name} was revoked.`);
      } catch (error) {
        desk.showError(pageError, describe(error));
      }
    });
  }
})();
