// Relay's referral pages in Camunda Cockpit: a referral's story (#/relay/referral?ref=…), a list of referrals — a
// search (#/relay/referrals?q=…) or a dashboard drill-down (#/relay/referrals?report=…&…) —, a "Referrals" entry in
// the header and a "Referral" tab on a lifecycle's process instance view. Everything is read from Relay's API with
// the Cockpit session, so Relay's access rules decide what a manager sees. Every value goes into the page as
// textContent or an encoded URL: nothing read from the API is ever parsed as HTML.

const STATUS = {
  NEW: 'New', ASSIGNED: 'Waiting for review', ACCEPTED: 'Accepted', IN_PROGRESS: 'Being worked',
  CONVERTED: 'Converted', CLOSED_LOST: 'Closed as lost'
};
const ROUTING_BASIS = {
  ADVOCATE_OWNER: "the advocate's owner", RULE_NAMED_USER: 'named by the routing rule',
  RELATIONSHIP_OWNER: "the customer's advisor", LEAST_LOADED_MEMBER: 'fewest open referrals in the queue',
  CAPACITY_FALLBACK: 'everyone was at capacity', NOBODY_LEFT: 'nobody left in the queue',
  REASSIGNED: 'reassigned', ESCALATED: 'escalated'
};
const ACTIVITY = {CALL: 'Call', EMAIL: 'Email', MEETING: 'Meeting', NOTE: 'Note', CUSTOMER_MESSAGE: 'Message from the customer',
  MEETING_BOOKED: 'Meeting booked by the customer'};
const TASKS = {Task_ReviewReferral: 'Review referral', Task_WorkReferral: 'Work referral'};
// Timeline events Relay writes by itself: shown muted, so what people did stands out
const AUTOMATIC = ['SCORED', 'NOTIFIED', 'REMINDED', 'CONSENT', 'POSSIBLE_DUPLICATE'];
const PAGE_SIZE = 50;

// ---------------------------------------------------------------------------------------------------------------
// small helpers

function el(tag, className, content) {
  const element = document.createElement(tag);
  if (className) {
    element.className = className;
  }
  if (content !== undefined && content !== null) {
    element.textContent = String(content);
  }
  return element;
}

function append(parent, ...children) {
  children.filter(c => c !== null && c !== undefined && c !== false).forEach(c =>
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c));
  return parent;
}

function link(href, label, className) {
  const a = el('a', className, label);
  a.href = href;
  return a;
}

function referralHref(reference) {
  return '#/relay/referral?ref=' + encodeURIComponent(reference);
}

/** The query of Cockpit's hash route: #/relay/referrals?q=adams → URLSearchParams. */
function routeParams() {
  const hash = window.location.hash || '';
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.substring(at + 1));
}

/** GET from Relay's API with the Cockpit session: {status, ok, body, total, detail}. */
function api(path) {
  return fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => response.text().then(text => {
      let body = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch (e) {
        body = null;
      }
      const total = response.headers.get('X-Total-Count');
      return {status: response.status, ok: response.ok, body: body, total: total === null ? null : Number(total),
        detail: body && typeof body.detail === 'string' ? body.detail : null};
    }));
}

function label(entries, code) {
  const found = (entries || []).filter(e => e.code === code)[0];
  return found ? found.label : code;
}

function when(instant) {
  if (!instant) {
    return '';
  }
  return new Date(instant).toLocaleString('en-GB', {day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit'});
}

function money(value) {
  if (!value || value.amount === null || value.amount === undefined) {
    return null;
  }
  return value.currency + ' ' + Number(value.amount).toLocaleString('en-US', {maximumFractionDigits: 0});
}

/** One plain sentence for an answer that is not the referral. */
function refusal(answer, what) {
  if (answer.status === 404 || answer.status === 403) {
    return 'You may not see ' + what + ', or it does not exist: Relay shows a manager the referrals of the queues they manage.';
  }
  if (answer.status === 401) {
    return 'Your Cockpit session has ended: sign in again.';
  }
  if (answer.status === 400 && answer.detail) {
    return 'Relay cannot list these referrals: ' + answer.detail + '.';
  }
  return 'Relay did not answer (HTTP ' + answer.status + '): reload the page.';
}

/** Display names of users and queues, and a way to put them into texts Relay wrote with ids. */
function nameBook(users, queues) {
  const userNames = {};
  (users || []).forEach(u => { userNames[u.userId] = u.name; });
  const queueNames = {};
  (queues || []).forEach(q => { queueNames[q.groupId] = q.name || q.groupId; });
  const escapeRegex = text => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    user: id => id ? (userNames[id] || id) : null,
    queue: id => id ? (queueNames[id] || id) : null,
    /** "bob did not accept … → manager queue referral-managers" → "Bob Brown did not accept … → manager queue Referral Managers" */
    humanize: text => {
      if (!text) {
        return text;
      }
      let result = String(text).replace(/queue ([A-Za-z0-9_-]+)/g, (all, id) => 'queue ' + (queueNames[id] || id));
      Object.keys(userNames).filter(id => id.length > 1).forEach(id => {
        result = result.replace(new RegExp('(^|[^A-Za-z0-9_.-])' + escapeRegex(id) + '(?![A-Za-z0-9_-])', 'g'),
          (all, before) => before + userNames[id]);
      });
      return result;
    }
  };
}

function userIdsIn(referral) {
  const ids = new Set();
  const add = id => { if (id && /^[A-Za-z0-9_.@-]{1,64}$/.test(id)) { ids.add(id); } };
  add(referral.owner);
  if (referral.referrer && referral.referrer.type === 'INTERNAL_USER') {
    add(referral.referrer.id);
  }
  (referral.openTasks || []).forEach(t => add(t.assignee));
  (referral.timeline || []).forEach(e => {
    add(e.actor);
    const reassigned = /^Reassigned by (\S+) to (queue )?(\S+?):/.exec(e.detail || '');
    if (reassigned) {
      add(reassigned[1]);
      if (!reassigned[2]) {
        add(reassigned[3]);
      }
    }
    const escalated = /^Escalated: (\S+) did not/.exec(e.detail || '');
    if (escalated) {
      add(escalated[1]);
    }
  });
  return Array.from(ids).slice(0, 100);
}

function names(ids) {
  if (!ids.length) {
    return Promise.resolve([]);
  }
  return api('/api/users?' + ids.map(id => 'id=' + encodeURIComponent(id)).join('&'))
    .then(answer => answer.ok ? answer.body : []);
}

function searchBox(value) {
  const form = el('form', 'relay-search');
  form.setAttribute('role', 'search');
  const input = el('input', 'form-control');
  input.type = 'search';
  input.name = 'q';
  input.id = 'relay-search-q';
  input.placeholder = 'Reference number (REF-000123) or customer name';
  input.setAttribute('aria-label', 'Find a referral by reference number or customer name');
  input.minLength = 3;
  input.value = value || '';
  const button = el('button', 'btn btn-primary', 'Find referral');
  button.type = 'submit';
  form.addEventListener('submit', event => {
    event.preventDefault();
    const q = input.value.trim();
    if (q) {
      window.location.hash = '#/relay/referrals?q=' + encodeURIComponent(q);
    }
  });
  return append(form, input, button);
}

function page(node, className) {
  const root = el('section', 'relay-page ' + className);
  node.appendChild(root);
  return root;
}

// ---------------------------------------------------------------------------------------------------------------
// the referral's story

function summaryLine(r, catalog, book) {
  const parts = [r.customer.name, label(catalog.products, r.expressedInterest), money(r.interestValue)];
  if (r.scoring && r.scoring.leadScore !== null && r.scoring.leadScore !== undefined) {
    parts.push((r.scoring.grade || '') + ' ' + r.scoring.leadScore);
  }
  if (r.referrer && (r.referrer.name || r.referrer.id)) {
    const referrer = r.referrer.type === 'INTERNAL_USER' ? book.user(r.referrer.id) : (r.referrer.name || r.referrer.id);
    parts.push('referred by ' + referrer + (r.scoring && r.scoring.referrerScore !== null
      && r.scoring.referrerScore !== undefined ? ' (' + r.scoring.referrerScore + ')' : ''));
  } else {
    parts.push('a lead');
  }
  return parts.filter(p => p).join(' · ');
}

function facts(rows) {
  const dl = el('dl', 'dl-horizontal relay-facts');
  rows.filter(row => row && row[1]).forEach(([term, value]) => {
    dl.appendChild(el('dt', null, term));
    const dd = el('dd');
    append(dd, value);
    dl.appendChild(dd);
  });
  return dl;
}

function stageDates(stages) {
  const list = [['Created', stages.created], ['Assigned', stages.assigned], ['Accepted', stages.accepted],
    ['Being worked', stages.inProgress], ['Converted', stages.converted], ['Closed', stages.closed],
    ['Reopened', stages.reopened], ['Last activity', stages.lastActivity]].filter(s => s[1]);
  return list.map(s => s[0] + ' ' + when(s[1])).join(' · ');
}

function outcome(r, catalog, opportunity, book) {
  if (r.status === 'CONVERTED') {
    if (!opportunity) {
      return 'Converted to an opportunity';
    }
    return 'Opportunity ' + opportunity.id + ': ' + (money({amount: opportunity.amount, currency: opportunity.currency}) || '')
      + ', owned by ' + book.user(opportunity.ownerId) + (opportunity.status === 'OPEN'
        ? ', expected to close ' + new Date(opportunity.expectedCloseDate).toLocaleDateString('en-GB',
          {day: 'numeric', month: 'short', year: 'numeric'})
        : ', ' + (opportunity.status === 'WON' ? 'won' : 'lost') + ' ' + when(opportunity.closedAt));
  }
  if (r.status === 'CLOSED_LOST') {
    const reason = r.closeReason === 'ERASED' ? 'Erased on request' : label(catalog.closeReasons, r.closeReason);
    return 'Lost: ' + (reason || 'no reason given') + (r.closeNote ? ' — "' + r.closeNote + '"' : '');
  }
  return null;
}

function openTasks(r, book) {
  if (!(r.openTasks || []).length) {
    return null;
  }
  const list = el('ul', 'list-unstyled relay-tasks');
  r.openTasks.forEach(task => {
    const who = task.assignee ? book.user(task.assignee)
      : 'waiting in ' + (task.candidateGroups || []).map(g => g === r.queue && r.queueName ? r.queueName : book.queue(g))
        .join(', ') + ' for whoever takes it';
    list.appendChild(el('li', null, (TASKS[task.taskDefinitionKey] || task.name) + ' — ' + who
      + (task.due ? ' · due ' + when(task.due) : '')));
  });
  return list;
}

/** One timeline entry as a manager reads it: who did what, and why. */
function story(e, catalog, book) {
  const detail = book.humanize(e.detail);
  const who = book.user(e.actor);
  switch (e.type) {
    case 'CREATED':
      return {who: who, what: 'Created (' + label(catalog.sourceChannels, e.reason) + ')', why: ''};
    case 'ROUTED':
      return {who: 'Relay', what: 'Routed to ' + (e.actor ? who : 'the queue')
          + (ROUTING_BASIS[e.reason] ? ' — ' + ROUTING_BASIS[e.reason] : ''), why: detail};
    case 'ACCEPTED':
      return {who: who, what: 'Accepted', why: ''};
    case 'REJECTED':
      return {who: who, what: 'Rejected', reason: label(catalog.rejectReasons, e.reason), why: e.detail ? '"' + e.detail + '"' : ''};
    case 'REASSIGNED': {
      // "Reassigned by Jackie Morgan to Dana Kim: …" (names since #25; "by jackie to queue cards-and-loans" before)
      const parts = /^Reassigned by (.+?) to (queue )?(.+?): ([\s\S]*)$/.exec(e.detail || '');
      return parts
        ? {who: who, what: 'Reassigned to ' + (parts[2] ? 'queue ' + book.queue(parts[3]) : book.user(parts[3])), why: '"' + parts[4] + '"'}
        : {who: who, what: 'Reassigned', why: detail};
    }
    case 'ESCALATED': {
      // "… → their managers, Referral Managers" (names since #25; "→ manager queue referral-managers" before)
      const parts = /^Escalated: ([\s\S]*) → (?:manager queue (\S+)|their managers, (.+))$/.exec(e.detail || '');
      return parts
        ? {who: 'Relay', what: 'Escalated to ' + (parts[2] ? book.queue(parts[2]) : parts[3]), why: book.humanize(parts[1])}
        : {who: 'Relay', what: 'Escalated', why: detail};
    }
    case 'IDLE_ESCALATED':
      return {who: 'Relay', what: 'Escalated: no activity', why: detail};
    case 'OVERDUE':
      return {who: 'Relay', what: 'Overdue', why: detail};
    case 'ACTIVITY':
      return {who: who, what: ACTIVITY[e.reason] || 'Activity', why: detail};
    case 'CONVERTED':
      return {who: who, what: 'Converted', why: detail};
    case 'CLOSED_LOST':
      return {who: who, what: 'Closed as lost', reason: e.reason === 'ERASED' ? 'Erased on request' : label(catalog.closeReasons, e.reason),
        why: e.detail ? '"' + e.detail + '"' : ''};
    case 'REOPENED':
      return {who: who, what: 'Reopened', why: detail};
    case 'OPPORTUNITY_WON':
      return {who: who, what: 'Opportunity won', why: detail};
    case 'OPPORTUNITY_LOST':
      return {who: who, what: 'Opportunity lost', why: detail};
    case 'MERGED':
      return {who: who, what: 'Merged (' + e.reason + ')', why: detail};
    case 'DUPLICATE_KEPT':
      return {who: who, what: 'Kept apart from a possible duplicate', why: detail};
    case 'SLA_REPLANNED':
      return {who: who, what: 'Deadlines re-planned', why: detail};
    case 'SCORED':
      return {who: 'Relay', what: 'Scored', why: detail};
    case 'NOTIFIED':
      return {who: 'Relay', what: 'Mail sent', why: detail};
    case 'REMINDED':
      return {who: 'Relay', what: 'Reminder sent', why: detail};
    case 'POSSIBLE_DUPLICATE':
      return {who: 'Relay', what: 'Possible duplicate', why: detail};
    case 'CONSENT':
      return {who: 'Customer', what: 'Consent given', why: detail};
    default:
      return {who: who || 'Relay', what: String(e.type).toLowerCase().replace(/_/g, ' '), why: detail};
  }
}

function timelineTable(r, catalog, book) {
  const table = el('table', 'table table-condensed relay-timeline');
  const head = el('thead');
  const headRow = el('tr');
  ['When', 'Who', 'What', 'Why'].forEach(h => headRow.appendChild(el('th', null, h)));
  head.appendChild(headRow);
  table.appendChild(head);
  const body = el('tbody');
  (r.timeline || []).forEach(e => {
    const s = story(e, catalog, book);
    const row = el('tr', 'relay-event relay-event-' + String(e.type).toLowerCase()
      + (AUTOMATIC.indexOf(e.type) >= 0 ? ' relay-muted' : ''));
    row.appendChild(el('td', 'relay-when', when(e.at)));
    row.appendChild(el('td', 'relay-who', s.who || ''));
    row.appendChild(el('td', 'relay-what', s.what));
    const why = el('td', 'relay-why');
    if (s.reason) {
      why.appendChild(el('strong', 'relay-reason', s.reason));
      if (s.why) {
        why.appendChild(document.createTextNode(' — '));
      }
    }
    if (s.why) {
      why.appendChild(document.createTextNode(s.why));
    }
    row.appendChild(why);
    body.appendChild(row);
  });
  table.appendChild(body);
  return table;
}

/** Camunda's webapp CSRF token (its cookie), which Relay accepts for the few writes Cockpit's pages make. */
function csrfToken() {
  const found = document.cookie.split(';').map(c => c.trim()).filter(c => c.indexOf('XSRF-TOKEN=') === 0)[0];
  return found ? decodeURIComponent(found.substring('XSRF-TOKEN='.length)) : '';
}

/** A write to Relay's API with the Cockpit session: {status, ok, body, detail}. */
function write(method, path) {
  return fetch(path, {method: method, credentials: 'same-origin',
    headers: {Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken()}})
    .then(response => response.text().then(text => {
      let body = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch (e) {
        body = null;
      }
      return {status: response.status, ok: response.ok, body: body,
        detail: body && typeof body.detail === 'string' ? body.detail : null};
    }));
}

/**
 * The customer's status-page links: how many work, and for a manager of the referral's queue or an administrator
 * (those Relay lets read them) the buttons to revoke them all or send the customer a new one. Hidden for others.
 */
function customerLinks(r) {
  const section = el('div', 'relay-customer-links');
  section.style.display = 'none';
  const path = '/api/referrals/' + encodeURIComponent(r.referenceNumber) + '/customer-links';
  const summary = el('p', 'relay-links-summary');
  const result = el('p', 'relay-links-result');
  result.setAttribute('role', 'status');
  const revoke = el('button', 'btn btn-default relay-revoke-links', "Revoke the customer's links");
  const resend = el('button', 'btn btn-primary relay-send-link', 'Send a new link');
  revoke.type = 'button';
  resend.type = 'button';
  const consent = r.customer && r.customer.statusUpdates;
  const show = answer => {
    const links = (answer.body && answer.body.links) || [];
    const working = links.filter(l => l.works).length;
    summary.textContent = (consent ? 'The customer agreed to status updates by email. ' : 'The customer did not ask for status updates. ')
      + (links.length === 0 ? 'No link to their status page was sent.'
        : working === 0 ? 'None of the ' + links.length + ' links sent to them works any more.'
          : working === 1 ? 'One link to their status page works.' : working + ' links to their status page work.');
    revoke.disabled = working === 0;
    resend.disabled = !consent || !(r.customer && r.customer.email);
    resend.title = resend.disabled ? 'Only for a customer who agreed to status updates and has an email' : '';
  };
  const refresh = () => api(path).then(answer => {
    if (answer.ok) {
      section.style.display = '';
      show(answer);
    }
  });
  const act = (button, method, done) => {
    button.disabled = true;
    write(method, path).then(answer => {
      result.className = 'relay-links-result ' + (answer.ok ? 'text-success' : 'text-danger');
      result.textContent = answer.ok ? done(answer.body)
        : (answer.detail || 'Relay did not answer (HTTP ' + answer.status + ').');
      return refresh();
    });
  };
  revoke.addEventListener('click', () => act(revoke, 'DELETE', body =>
    (body.revoked === 1 ? 'One link revoked' : body.revoked + ' links revoked') + ': the customer\'s page now says the link no longer works.'));
  resend.addEventListener('click', () => act(resend, 'POST', body =>
    'A new link is on its way to the customer, working until ' + when(body.expiresAt) + '. Older links no longer work.'));
  append(section, el('h3', null, "The customer's status page"), summary, append(el('p', 'relay-links-actions'), revoke, ' ', resend), result);
  refresh();
  return section;
}

function renderReferral(node) {
  const root = page(node, 'relay-referral');
  const reference = (routeParams().get('ref') || '').trim();
  append(root, el('div', 'relay-crumbs'));
  root.firstChild.appendChild(link('#/relay/referrals', '← Referrals'));
  root.appendChild(searchBox(''));
  if (!reference) {
    root.appendChild(el('p', 'relay-refusal', 'Which referral? Open one from the list or search for it above.'));
    return;
  }
  const status = el('p', 'text-muted', 'Loading referral ' + reference + '…');
  root.appendChild(status);

  Promise.all([api('/api/referrals/' + encodeURIComponent(reference)), api('/api/catalog'), api('/api/queues')])
    .then(([answer, catalog, queues]) => {
      if (!answer.ok) {
        status.className = 'relay-refusal';
        status.textContent = refusal(answer, 'referral ' + reference);
        root.setAttribute('data-relay-rendered', 'refused');
        return null;
      }
      const r = answer.body;
      const opportunity = r.status === 'CONVERTED'
        ? api('/api/referrals/' + encodeURIComponent(reference) + '/opportunity').then(o => o.ok ? o.body : null)
        : Promise.resolve(null);
      return Promise.all([names(userIdsIn(r)), opportunity]).then(([users, opp]) => {
        const book = nameBook(users, queues.ok ? queues.body : []);
        const cat = catalog.ok ? catalog.body : {};
        root.removeChild(status);
        const header = el('div', 'relay-header');
        append(header, el('h2', 'relay-title', r.customer.name),
          el('span', 'relay-reference', r.referenceNumber),
          el('span', 'label relay-status relay-status-' + String(r.status).toLowerCase(), STATUS[r.status] || r.status));
        root.appendChild(header);
        root.appendChild(el('p', 'relay-summary', summaryLine(r, cat, book)));

        const running = r.processInstanceId && ['CONVERTED', 'CLOSED_LOST'].indexOf(r.status) < 0;
        root.appendChild(facts([
          ['Outcome', outcome(r, cat, opp, book)],
          ['Owner', r.owner ? (r.ownerName || book.user(r.owner)) : 'nobody yet'],
          ['Queue', r.queueName || book.queue(r.queue)],
          ['Why it went there', book.humanize(r.routingReason)],
          ['Stages', stageDates(r.stages || {})],
          ['Open tasks', openTasks(r, book)],
          ['Lifecycle', running ? link('#/process-instance/' + encodeURIComponent(r.processInstanceId) + '/runtime',
            'Open the running lifecycle in Cockpit') : null]
        ]));
        root.appendChild(customerLinks(r));
        root.appendChild(el('h3', null, 'What happened'));
        root.appendChild(timelineTable(r, cat, book));
        root.setAttribute('data-relay-rendered', 'true');
      });
    })
    .catch(error => {
      status.className = 'relay-refusal';
      status.textContent = 'The referral page could not load: ' + error.message;
    });
}

// ---------------------------------------------------------------------------------------------------------------
// lists: a search, or a dashboard drill-down

function listSource(params) {
  const report = params.get('report');
  const pageNumber = Math.max(0, parseInt(params.get('page') || '0', 10) || 0);
  if (report) {
    const passed = new URLSearchParams();
    params.forEach((value, key) => { if (key !== 'report' && key !== 'page') { passed.append(key, value); } });
    passed.set('page', String(pageNumber));
    passed.set('size', String(PAGE_SIZE));
    return {title: params.get('title') || 'Referrals behind the ' + report + ' report', page: pageNumber,
      path: '/api/reports/' + encodeURIComponent(report) + '/referrals?' + passed.toString()};
  }
  const q = (params.get('q') || '').trim();
  if (q) {
    return {title: 'Referrals matching "' + q + '"', page: pageNumber, q: q,
      path: '/api/referrals?q=' + encodeURIComponent(q) + '&page=' + pageNumber + '&size=' + PAGE_SIZE};
  }
  return null;
}

function pageHref(params, pageNumber) {
  const next = new URLSearchParams(params.toString());
  next.set('page', String(pageNumber));
  return '#/relay/referrals?' + next.toString();
}

function listTable(rows, catalog, book) {
  const table = el('table', 'table table-hover relay-list');
  const headRow = el('tr');
  ['Reference', 'Customer', 'Product', 'Value', 'Status', 'Owner', 'Queue', 'Created'].forEach(h => headRow.appendChild(el('th', null, h)));
  table.appendChild(append(el('thead'), headRow));
  const body = el('tbody');
  rows.forEach(r => {
    const row = el('tr');
    row.appendChild(append(el('td'), link(referralHref(r.referenceNumber), r.referenceNumber)));
    row.appendChild(append(el('td'), link(referralHref(r.referenceNumber), r.customer ? r.customer.name : '')));
    row.appendChild(el('td', null, label(catalog.products, r.expressedInterest)));
    row.appendChild(el('td', 'relay-number', money(r.interestValue) || ''));
    row.appendChild(el('td', null, STATUS[r.status] || r.status));
    row.appendChild(el('td', null, r.owner ? (r.ownerName || book.user(r.owner)) : ''));
    row.appendChild(el('td', null, r.queueName || book.queue(r.queue) || ''));
    row.appendChild(el('td', null, when(r.stages && r.stages.created)));
    body.appendChild(row);
  });
  table.appendChild(body);
  return table;
}

function renderList(node) {
  const root = page(node, 'relay-referrals');
  const params = routeParams();
  root.appendChild(el('h2', null, 'Referrals'));
  root.appendChild(searchBox(params.get('q')));
  const source = listSource(params);
  if (!source) {
    root.appendChild(el('p', 'text-muted', 'Find a referral by its reference number or by part of the customer\'s'
      + ' name; you see the referrals of the queues you manage. The dashboard\'s charts open their referrals here too.'));
    root.setAttribute('data-relay-rendered', 'true');
    return;
  }
  const title = el('h3', 'relay-list-title', source.title);
  root.appendChild(title);
  const status = el('p', 'text-muted', 'Loading…');
  root.appendChild(status);

  Promise.all([api(source.path), api('/api/catalog'), api('/api/queues')])
    .then(([answer, catalog, queues]) => {
      if (!answer.ok) {
        status.className = 'relay-refusal';
        status.textContent = refusal(answer, 'these referrals');
        root.setAttribute('data-relay-rendered', 'refused');
        return null;
      }
      const rows = answer.body || [];
      const total = answer.total === null ? rows.length : answer.total;
      const owners = Array.from(new Set(rows.map(r => r.owner).filter(o => o)));
      return names(owners).then(users => {
        const book = nameBook(users, queues.ok ? queues.body : []);
        status.className = 'relay-total';
        status.textContent = total === 1 ? '1 referral' : total.toLocaleString('en-US') + ' referrals';
        if (rows.length) {
          root.appendChild(listTable(rows, catalog.ok ? catalog.body : {}, book));
        } else {
          root.appendChild(el('p', 'text-muted', source.q
            ? 'No referral you may see has this reference number or a customer name containing "' + source.q + '".'
            : 'No referral you may see is counted here.'));
        }
        const pages = Math.ceil(total / PAGE_SIZE);
        if (pages > 1) {
          const pager = el('p', 'relay-pager');
          if (source.page > 0) {
            pager.appendChild(link(pageHref(params, source.page - 1), '← newer'));
          }
          pager.appendChild(el('span', null, ' page ' + (source.page + 1) + ' of ' + pages + ' '));
          if (source.page + 1 < pages) {
            pager.appendChild(link(pageHref(params, source.page + 1), 'older →'));
          }
          root.appendChild(pager);
        }
        root.setAttribute('data-relay-rendered', 'true');
      });
    })
    .catch(error => {
      status.className = 'relay-refusal';
      status.textContent = 'The list could not load: ' + error.message;
    });
}

// ---------------------------------------------------------------------------------------------------------------
// from a lifecycle's process instance view to its referral

function renderInstanceTab(node, data) {
  const root = page(node, 'relay-instance-referral');
  const engineApi = data && data.api ? data.api.engineApi : '/camunda/api/engine/engine/default';
  const instanceId = data ? data.processInstanceId : null;
  const status = el('p', 'text-muted', 'Looking up the referral…');
  root.appendChild(status);
  api(engineApi + '/process-instance/' + encodeURIComponent(instanceId))
    .then(instance => {
      const key = instance.ok && instance.body ? instance.body.businessKey : null;
      const lifecycle = instance.ok && String(instance.body.definitionId || '').indexOf('ReferralLifecycleProcess:') === 0;
      if (!key || !lifecycle) {
        status.textContent = 'This process instance is not a referral\'s lifecycle.';
        return null;
      }
      return api('/api/referrals/' + encodeURIComponent(key)).then(answer => {
        root.removeChild(status);
        const line = el('p', 'relay-instance-link');
        append(line, el('strong', null, 'Referral ' + key + (answer.ok ? ': ' + answer.body.customer.name : '')), ' ',
          link(referralHref(key), 'Open the referral\'s story', 'btn btn-primary btn-sm relay-open-referral'));
        root.appendChild(line);
        root.appendChild(el('p', 'text-muted', 'Who did what and why: rejections and their notes, reassignments,'
          + ' escalations, activities and the outcome, also after the lifecycle has ended.'));
        root.setAttribute('data-relay-rendered', 'true');
      });
    })
    .catch(error => { status.textContent = 'The referral could not be looked up: ' + error.message; });
}

function renderInstanceAction(node, data) {
  const engineApi = data && data.api ? data.api.engineApi : '/camunda/api/engine/engine/default';
  api(engineApi + '/process-instance/' + encodeURIComponent(data.processInstanceId)).then(instance => {
    const key = instance.ok && instance.body ? instance.body.businessKey : null;
    if (key && String(instance.body.definitionId || '').indexOf('ReferralLifecycleProcess:') === 0) {
      const a = link(referralHref(key), '', 'btn btn-default action-button relay-open-referral-action');
      a.title = 'Open the referral\'s story (' + key + ')';
      a.appendChild(el('span', 'glyphicon glyphicon-book'));
      node.appendChild(a);
    }
  });
}

export default [{
  id: 'relay.referral.page',
  pluginPoint: 'cockpit.route',
  properties: {path: '/relay/referral', label: 'Referral'},
  render: renderReferral
}, {
  id: 'relay.referrals.page',
  pluginPoint: 'cockpit.route',
  properties: {path: '/relay/referrals', label: 'Referrals'},
  render: renderList
}, {
  id: 'relay.referrals.navigation',
  pluginPoint: 'cockpit.navigation',
  priority: 10,
  properties: {
    pagePath: '#/relay/referrals', label: 'Referrals',
    checkActive: url => url.indexOf('#/relay/referral') >= 0
  }
}, {
  id: 'relay.processInstance.referral',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 30,
  properties: {label: 'Referral'},
  render: renderInstanceTab
}, {
  id: 'relay.processInstance.referral.action',
  pluginPoint: 'cockpit.processInstance.runtime.action',
  priority: 30,
  render: renderInstanceAction
}];
