// Relay's referral pages in Camunda Cockpit: a referral's story (#/relay/referral?ref=…), a list of referrals — a
// search (#/relay/referrals?q=…) or a dashboard drill-down (#/relay/referrals?report=…&…) —, a "Referrals" entry in
// the header and a "Referral" tab on a lifecycle's process instance view. Everything is read from Relay's API with
// the Cockpit session, so Relay's access rules decide what a manager sees. Every value goes into the page as
// textContent or an encoded URL: nothing read from the API is ever parsed as HTML. Texts are keys of i18n/webapps
// (webapps.cockpit.referral.…) in Cockpit's language; Relay's API is asked in it too (catalog labels), and numbers,
// amounts and dates are written as the language writes them.

import {date, dateTime, money as formatMoney, number, relayHeaders, t, tOr} from '/camunda/lib/relay-i18n.js';

// codes Relay has words for; an unknown code is shown as it is
const STATUS = code => tOr('webapps.cockpit.referral.status.' + code, code);
const ROUTING_BASIS = code => tOr('webapps.cockpit.referral.routingBasis.' + code, null);
const ACTIVITY = code => tOr('webapps.cockpit.referral.activity.' + code, null);
const TASKS = key => tOr('webapps.task.' + key, null);
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
  return fetch(path, {credentials: 'same-origin', headers: relayHeaders()})
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
  return dateTime(instant);
}

function money(value) {
  if (!value || value.amount === null || value.amount === undefined) {
    return null;
  }
  return formatMoney(value.amount, value.currency);
}

/** One plain sentence for an answer that is not the referral. */
function refusal(answer, what) {
  if (answer.status === 404 || answer.status === 403) {
    return t('webapps.cockpit.referral.refusal.mayNotSee', {what: what});
  }
  if (answer.status === 401) {
    return t('webapps.cockpit.referral.refusal.sessionEnded');
  }
  if (answer.status === 400 && answer.detail) {
    return t('webapps.cockpit.referral.refusal.cannotList', {detail: answer.detail});
  }
  return t('webapps.cockpit.referral.refusal.noAnswer', {status: answer.status});
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
  input.placeholder = t('webapps.cockpit.referral.search.placeholder');
  input.setAttribute('aria-label', t('webapps.cockpit.referral.search.label'));
  input.minLength = 3;
  input.value = value || '';
  const button = el('button', 'btn btn-primary', t('webapps.cockpit.referral.search.button'));
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
    parts.push(t('webapps.cockpit.referral.summary.referredBy', {referrer: referrer}) + (r.scoring && r.scoring.referrerScore !== null
      && r.scoring.referrerScore !== undefined ? ' (' + r.scoring.referrerScore + ')' : ''));
  } else {
    parts.push(t('webapps.cockpit.referral.summary.lead'));
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
  const list = [['created', stages.created], ['assigned', stages.assigned], ['accepted', stages.accepted],
    ['inProgress', stages.inProgress], ['converted', stages.converted], ['closed', stages.closed],
    ['reopened', stages.reopened], ['lastActivity', stages.lastActivity]].filter(s => s[1])
    .map(s => [t('webapps.cockpit.referral.stage.' + s[0]), s[1]]);
  return list.map(s => s[0] + ' ' + when(s[1])).join(' · ');
}

function outcome(r, catalog, opportunity, book) {
  if (r.status === 'CONVERTED') {
    if (!opportunity) {
      return t('webapps.cockpit.referral.outcome.converted');
    }
    const values = {id: opportunity.id, amount: money({amount: opportunity.amount, currency: opportunity.currency}) || '',
      owner: book.user(opportunity.ownerId), date: opportunity.status === 'OPEN' ? date(opportunity.expectedCloseDate)
        : when(opportunity.closedAt)};
    return t('webapps.cockpit.referral.outcome.opportunity.' + (opportunity.status === 'OPEN' ? 'open' : opportunity.status === 'WON' ? 'won' : 'lost'), values);
  }
  if (r.status === 'CLOSED_LOST') {
    const reason = r.closeReason === 'ERASED' ? t('webapps.cockpit.referral.erased') : label(catalog.closeReasons, r.closeReason);
    return t('webapps.cockpit.referral.outcome.lost', {reason: reason || t('webapps.cockpit.referral.outcome.noReason')})
      + (r.closeNote ? ' — ' + t('webapps.cockpit.referral.quoted', {text: r.closeNote}) : '');
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
      : t('webapps.cockpit.referral.task.waitingIn', {queues: (task.candidateGroups || [])
        .map(g => g === r.queue && r.queueName ? r.queueName : book.queue(g)).join(', ')});
    list.appendChild(el('li', null, (TASKS(task.taskDefinitionKey) || task.name) + ' — ' + who
      + (task.due ? ' · ' + t('webapps.cockpit.referral.task.due', {when: when(task.due)}) : '')));
  });
  return list;
}

/** The worded arguments of a timeline sentence Relay wrote under this key, or null. */
function sentence(e, key) {
  return e.sentence && e.sentence.key === key && Array.isArray(e.sentence.arguments) ? e.sentence.arguments : null;
}

/** One timeline entry as a manager reads it: who did what, and why. */
function story(e, catalog, book) {
  const detail = book.humanize(e.detail);
  const who = book.user(e.actor);
  const relay = 'Relay';
  const what = (key, values) => t('webapps.cockpit.referral.event.' + key, values);
  const quoted = text => text ? t('webapps.cockpit.referral.quoted', {text: text}) : '';
  switch (e.type) {
    case 'CREATED':
      return {who: who, what: what('CREATED', {channel: label(catalog.sourceChannels, e.reason)}), why: ''};
    case 'ROUTED':
      return {who: relay, what: (e.actor ? what('ROUTED', {holder: who}) : what('ROUTED.queue'))
          + (ROUTING_BASIS(e.reason) ? ' — ' + ROUTING_BASIS(e.reason) : ''), why: detail};
    case 'ACCEPTED':
      return {who: who, what: what('ACCEPTED'), why: ''};
    case 'REJECTED':
      return {who: who, what: what('REJECTED'), reason: label(catalog.rejectReasons, e.reason), why: quoted(e.detail)};
    case 'REASSIGNED': {
      // Relay keeps the sentence as a key and arguments [by, to, note] (issue #30); older rows hold English:
      // "Reassigned by Jackie Morgan to Dana Kim: …" (names since #25; "by jackie to queue cards-and-loans" before)
      const kept = sentence(e, 'routing.reason.reassigned');
      if (kept) {
        return {who: who, what: what('REASSIGNED.to', {holder: kept[1]}), why: quoted(kept[2])};
      }
      const parts = /^Reassigned by (.+?) to (queue )?(.+?): ([\s\S]*)$/.exec(e.detail || '');
      return parts
        ? {who: who, what: parts[2] ? what('REASSIGNED.queue', {queue: book.queue(parts[3])})
            : what('REASSIGNED.to', {holder: book.user(parts[3])}), why: quoted(parts[4])}
        : {who: who, what: what('REASSIGNED'), why: detail};
    }
    case 'ESCALATED': {
      // kept as [held by, for how long, the managers] (issue #30), worded in the reader's language; older rows:
      // "… → their managers, Referral Managers" (names since #25; "→ manager queue referral-managers" before)
      const kept = sentence(e, 'timeline.escalated');
      if (kept) {
        return {who: relay, what: what('ESCALATED.to', {managers: kept[2]}), why: detail};
      }
      const parts = /^Escalated: ([\s\S]*) → (?:manager queue (\S+)|their managers, (.+))$/.exec(e.detail || '');
      return parts
        ? {who: relay, what: what('ESCALATED.to', {managers: parts[2] ? book.queue(parts[2]) : parts[3]}), why: book.humanize(parts[1])}
        : {who: relay, what: what('ESCALATED'), why: detail};
    }
    case 'ACTIVITY':
      return {who: who, what: ACTIVITY(e.reason) || what('ACTIVITY'), why: detail};
    case 'CLOSED_LOST':
      return {who: who, what: what('CLOSED_LOST'),
        reason: e.reason === 'ERASED' ? t('webapps.cockpit.referral.erased') : label(catalog.closeReasons, e.reason),
        why: quoted(e.detail)};
    case 'MERGED':
      return {who: who, what: what('MERGED', {reason: e.reason}), why: detail};
    case 'CONSENT':
      return {who: t('webapps.cockpit.referral.customer'), what: what('CONSENT'), why: detail};
    case 'IDLE_ESCALATED':
    case 'OVERDUE':
    case 'SCORED':
    case 'NOTIFIED':
    case 'REMINDED':
    case 'POSSIBLE_DUPLICATE':
      return {who: relay, what: what(e.type), why: detail};   // Relay did these by itself
    default:
      // CONVERTED, REOPENED, OPPORTUNITY_WON/LOST, DUPLICATE_KEPT, SLA_REPLANNED, and any type added later
      return {who: who || relay, what: tOr('webapps.cockpit.referral.event.' + e.type,
        String(e.type).toLowerCase().replace(/_/g, ' ')), why: detail};
  }
}

/** Why the referral is where it is; a reassignment (Relay records it in English) is worded like its timeline entry. */
function routingReason(reason, book) {
  const reassigned = /^Reassigned by (.+?) to (queue )?(.+?): ([\s\S]*)$/.exec(reason || '');
  if (!reassigned) {
    return book.humanize(reason);
  }
  return (reassigned[2] ? t('webapps.cockpit.referral.event.REASSIGNED.queue', {queue: book.queue(reassigned[3])})
    : t('webapps.cockpit.referral.event.REASSIGNED.to', {holder: book.user(reassigned[3])}))
    + ' — ' + t('webapps.cockpit.referral.quoted', {text: reassigned[4]});
}

function timelineTable(r, catalog, book) {
  const table = el('table', 'table table-condensed relay-timeline');
  const head = el('thead');
  const headRow = el('tr');
  ['when', 'who', 'what', 'why'].forEach(h => headRow.appendChild(el('th', null, t('webapps.cockpit.referral.timeline.' + h))));
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
  const revoke = el('button', 'btn btn-default relay-revoke-links', t('webapps.cockpit.referral.links.revoke'));
  const resend = el('button', 'btn btn-primary relay-send-link', t('webapps.cockpit.referral.links.resend'));
  revoke.type = 'button';
  resend.type = 'button';
  const consent = r.customer && r.customer.statusUpdates;
  const show = answer => {
    const links = (answer.body && answer.body.links) || [];
    const working = links.filter(l => l.works).length;
    summary.textContent = (consent ? t('webapps.cockpit.referral.links.consent') : t('webapps.cockpit.referral.links.noConsent')) + ' '
      + (links.length === 0 ? t('webapps.cockpit.referral.links.none')
        : working === 0 ? t('webapps.cockpit.referral.links.noneWorks', {count: number(links.length)})
          : working === 1 ? t('webapps.cockpit.referral.links.oneWorks') : t('webapps.cockpit.referral.links.manyWork', {count: number(working)}));
    revoke.disabled = working === 0;
    resend.disabled = !consent || !(r.customer && r.customer.email);
    resend.title = resend.disabled ? t('webapps.cockpit.referral.links.resendOnly') : '';
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
        : (answer.detail || t('webapps.cockpit.referral.links.noAnswer', {status: answer.status}));
      return refresh();
    });
  };
  revoke.addEventListener('click', () => act(revoke, 'DELETE', body =>
    body.revoked === 1 ? t('webapps.cockpit.referral.links.revokedOne') : t('webapps.cockpit.referral.links.revokedMany', {count: number(body.revoked)})));
  resend.addEventListener('click', () => act(resend, 'POST', body => t('webapps.cockpit.referral.links.sent', {until: when(body.expiresAt)})));
  append(section, el('h3', null, t('webapps.cockpit.referral.links.title')), summary, append(el('p', 'relay-links-actions'), revoke, ' ', resend), result);
  refresh();
  return section;
}

function renderReferral(node) {
  const root = page(node, 'relay-referral');
  const reference = (routeParams().get('ref') || '').trim();
  append(root, el('div', 'relay-crumbs'));
  root.firstChild.appendChild(link('#/relay/referrals', '← ' + t('webapps.cockpit.referral.list.title')));
  root.appendChild(searchBox(''));
  if (!reference) {
    root.appendChild(el('p', 'relay-refusal', t('webapps.cockpit.referral.which')));
    return;
  }
  const status = el('p', 'text-muted', t('webapps.cockpit.referral.loading', {reference: reference}));
  root.appendChild(status);

  Promise.all([api('/api/referrals/' + encodeURIComponent(reference)), api('/api/catalog'), api('/api/queues')])
    .then(([answer, catalog, queues]) => {
      if (!answer.ok) {
        status.className = 'relay-refusal';
        status.textContent = refusal(answer, t('webapps.cockpit.referral.refusal.theReferral', {reference: reference}));
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
          el('span', 'label relay-status relay-status-' + String(r.status).toLowerCase(), STATUS(r.status)));
        root.appendChild(header);
        root.appendChild(el('p', 'relay-summary', summaryLine(r, cat, book)));

        const running = r.processInstanceId && ['CONVERTED', 'CLOSED_LOST'].indexOf(r.status) < 0;
        root.appendChild(facts([
          [t('webapps.cockpit.referral.fact.outcome'), outcome(r, cat, opp, book)],
          [t('webapps.cockpit.referral.fact.owner'), r.owner ? (r.ownerName || book.user(r.owner)) : t('webapps.cockpit.referral.fact.nobodyYet')],
          [t('webapps.cockpit.referral.fact.queue'), r.queueName || book.queue(r.queue)],
          [t('webapps.cockpit.referral.fact.whyThere'), routingReason(r.routingReason, book)],
          [t('webapps.cockpit.referral.fact.stages'), stageDates(r.stages || {})],
          [t('webapps.cockpit.referral.fact.openTasks'), openTasks(r, book)],
          [t('webapps.cockpit.referral.fact.lifecycle'), running ? link('#/process-instance/' + encodeURIComponent(r.processInstanceId) + '/runtime',
            t('webapps.cockpit.referral.fact.openLifecycle')) : null]
        ]));
        root.appendChild(customerLinks(r));
        root.appendChild(el('h3', null, t('webapps.cockpit.referral.timeline.title')));
        root.appendChild(timelineTable(r, cat, book));
        root.setAttribute('data-relay-rendered', 'true');
      });
    })
    .catch(error => {
      status.className = 'relay-refusal';
      status.textContent = t('webapps.cockpit.referral.loadFailed', {error: error.message});
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
    return {title: params.get('title') || t('webapps.cockpit.referral.list.behindReport', {report: report}), page: pageNumber,
      path: '/api/reports/' + encodeURIComponent(report) + '/referrals?' + passed.toString()};
  }
  const q = (params.get('q') || '').trim();
  if (q) {
    return {title: t('webapps.cockpit.referral.list.matching', {q: q}), page: pageNumber, q: q,
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
  ['reference', 'customer', 'product', 'value', 'status', 'owner', 'queue', 'created']
    .forEach(h => headRow.appendChild(el('th', null, t('webapps.cockpit.referral.column.' + h))));
  table.appendChild(append(el('thead'), headRow));
  const body = el('tbody');
  rows.forEach(r => {
    const row = el('tr');
    row.appendChild(append(el('td'), link(referralHref(r.referenceNumber), r.referenceNumber)));
    row.appendChild(append(el('td'), link(referralHref(r.referenceNumber), r.customer ? r.customer.name : '')));
    row.appendChild(el('td', null, label(catalog.products, r.expressedInterest)));
    row.appendChild(el('td', 'relay-number', money(r.interestValue) || ''));
    row.appendChild(el('td', null, STATUS(r.status)));
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
  root.appendChild(el('h2', null, t('webapps.cockpit.referral.list.title')));
  root.appendChild(searchBox(params.get('q')));
  const source = listSource(params);
  if (!source) {
    root.appendChild(el('p', 'text-muted', t('webapps.cockpit.referral.list.intro')));
    root.setAttribute('data-relay-rendered', 'true');
    return;
  }
  const title = el('h3', 'relay-list-title', source.title);
  root.appendChild(title);
  const status = el('p', 'text-muted', t('webapps.cockpit.referral.list.loading'));
  root.appendChild(status);

  Promise.all([api(source.path), api('/api/catalog'), api('/api/queues')])
    .then(([answer, catalog, queues]) => {
      if (!answer.ok) {
        status.className = 'relay-refusal';
        status.textContent = refusal(answer, t('webapps.cockpit.referral.refusal.theseReferrals'));
        root.setAttribute('data-relay-rendered', 'refused');
        return null;
      }
      const rows = answer.body || [];
      const total = answer.total === null ? rows.length : answer.total;
      const owners = Array.from(new Set(rows.map(r => r.owner).filter(o => o)));
      return names(owners).then(users => {
        const book = nameBook(users, queues.ok ? queues.body : []);
        status.className = 'relay-total';
        status.textContent = total === 1 ? t('webapps.cockpit.referral.list.one') : t('webapps.cockpit.referral.list.many', {count: number(total)});
        if (rows.length) {
          root.appendChild(listTable(rows, catalog.ok ? catalog.body : {}, book));
        } else {
          root.appendChild(el('p', 'text-muted', source.q
            ? t('webapps.cockpit.referral.list.noMatch', {q: source.q}) : t('webapps.cockpit.referral.list.noneCounted')));
        }
        const pages = Math.ceil(total / PAGE_SIZE);
        if (pages > 1) {
          const pager = el('p', 'relay-pager');
          if (source.page > 0) {
            pager.appendChild(link(pageHref(params, source.page - 1), '← ' + t('webapps.cockpit.referral.list.newer')));
          }
          pager.appendChild(el('span', null, ' ' + t('webapps.cockpit.referral.list.page', {page: number(source.page + 1), pages: number(pages)}) + ' '));
          if (source.page + 1 < pages) {
            pager.appendChild(link(pageHref(params, source.page + 1), t('webapps.cockpit.referral.list.older') + ' →'));
          }
          root.appendChild(pager);
        }
        root.setAttribute('data-relay-rendered', 'true');
      });
    })
    .catch(error => {
      status.className = 'relay-refusal';
      status.textContent = t('webapps.cockpit.referral.list.loadFailed', {error: error.message});
    });
}

// ---------------------------------------------------------------------------------------------------------------
// from a lifecycle's process instance view to its referral

function renderInstanceTab(node, data) {
  const root = page(node, 'relay-instance-referral');
  const engineApi = data && data.api ? data.api.engineApi : '/camunda/api/engine/engine/default';
  const instanceId = data ? data.processInstanceId : null;
  const status = el('p', 'text-muted', t('webapps.cockpit.referral.instance.lookingUp'));
  root.appendChild(status);
  api(engineApi + '/process-instance/' + encodeURIComponent(instanceId))
    .then(instance => {
      const key = instance.ok && instance.body ? instance.body.businessKey : null;
      const lifecycle = instance.ok && String(instance.body.definitionId || '').indexOf('ReferralLifecycleProcess:') === 0;
      if (!key || !lifecycle) {
        status.textContent = t('webapps.cockpit.referral.instance.notALifecycle');
        return null;
      }
      return api('/api/referrals/' + encodeURIComponent(key)).then(answer => {
        root.removeChild(status);
        const line = el('p', 'relay-instance-link');
        append(line, el('strong', null, answer.ok ? t('webapps.cockpit.referral.instance.referralOf', {reference: key, customer: answer.body.customer.name})
          : t('webapps.cockpit.referral.instance.referral', {reference: key})), ' ',
          link(referralHref(key), t('webapps.cockpit.referral.instance.open'), 'btn btn-primary btn-sm relay-open-referral'));
        root.appendChild(line);
        root.appendChild(el('p', 'text-muted', t('webapps.cockpit.referral.instance.explained')));
        root.setAttribute('data-relay-rendered', 'true');
      });
    })
    .catch(error => { status.textContent = t('webapps.cockpit.referral.instance.lookupFailed', {error: error.message}); });
}

function renderInstanceAction(node, data) {
  const engineApi = data && data.api ? data.api.engineApi : '/camunda/api/engine/engine/default';
  api(engineApi + '/process-instance/' + encodeURIComponent(data.processInstanceId)).then(instance => {
    const key = instance.ok && instance.body ? instance.body.businessKey : null;
    if (key && String(instance.body.definitionId || '').indexOf('ReferralLifecycleProcess:') === 0) {
      const a = link(referralHref(key), '', 'btn btn-default action-button relay-open-referral-action');
      a.title = t('webapps.cockpit.referral.instance.openTitle', {reference: key});
      a.appendChild(el('span', 'glyphicon glyphicon-book'));
      node.appendChild(a);
    }
  });
}

export default [{
  id: 'relay.referral.page',
  pluginPoint: 'cockpit.route',
  properties: {path: '/relay/referral', label: 'webapps.cockpit.referral.tab'},
  render: renderReferral
}, {
  id: 'relay.referrals.page',
  pluginPoint: 'cockpit.route',
  properties: {path: '/relay/referrals', label: 'webapps.cockpit.referral.list.title'},
  render: renderList
}, {
  id: 'relay.referrals.navigation',
  pluginPoint: 'cockpit.navigation',
  priority: 10,
  properties: {
    // Cockpit shows navigation and tab labels through its translate filter: keys of i18n/webapps
    pagePath: '#/relay/referrals', label: 'webapps.cockpit.referral.list.title',
    checkActive: url => url.indexOf('#/relay/referral') >= 0
  }
}, {
  id: 'relay.processInstance.referral',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 30,
  properties: {label: 'webapps.cockpit.referral.tab'},
  render: renderInstanceTab
}, {
  id: 'relay.processInstance.referral.action',
  pluginPoint: 'cockpit.processInstance.runtime.action',
  priority: 30,
  render: renderInstanceAction
}];
