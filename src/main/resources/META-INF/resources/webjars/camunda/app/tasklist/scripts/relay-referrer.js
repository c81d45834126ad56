// Relay: what happened after Start or Complete, in plain words, and "Referrals I sent" in Tasklist's header.
//
// Tasklist's own answer to a start or a completion carries nothing a banker can use ("The process has been
// started."), and a Tasklist notification added from a form is replaced by Tasklist's own. So Relay's forms announce
// what they submitted as a window event once the engine has accepted it (camForm's submit-success: the request has
// returned, the transaction is committed), and this script — loaded with Tasklist, before any form opens — reads
// where the referral went from Relay's API with the Tasklist session and shows it in a panel of its own, which stays
// until the user closes it or the next decision replaces it. Every value goes in as text, never as HTML.
//
// Events (detail fields):
//   relay:referral-sent  {customerName, expressedInterest, productLabel}           the New referral form
//   relay:decided        {reference, decision, customerName, productLabel, ...}    the Review and Work forms;
//                        decision: accept | reject | reassign | merge | logActivity | convert | closeLost

import {language, relayHeaders, t} from '/camunda/lib/relay-i18n.js';

const SENT_PAGE = '/referrals/sent';
const CONVERSION_WAIT_MS = 5 * 60 * 1000;
const CONVERSION_POLL_MS = 2000;

let shown = 0;   // the panel's current message: a newer one wins over a slower answer to an older one

async function getJson(url) {
  const answer = await fetch(url, {credentials: 'same-origin', headers: relayHeaders()});
  if (!answer.ok) {
    const failure = new Error('Relay answered ' + answer.status);
    failure.status = answer.status;
    throw failure;
  }
  return answer.json();
}

/** "Mortgage" → "mortgage", "SME Loan" → "SME loan": a product inside a sentence (German keeps its nouns' capitals). */
function inSentence(label) {
  const words = String(label || t('webapps.tasklist.confirm.referral')).split(' ');
  return language() === 'de' ? words.join(' ')
      : words.map(word => /^[A-Z0-9]{2,}$/.test(word) ? word : word.toLowerCase()).join(' ');
}

function whose(detail) {
  return t('webapps.tasklist.confirm.whose', {customer: detail.customerName, product: inSentence(detail.productLabel)});
}

function panel() {
  let node = document.getElementById('relay-confirmation');
  if (!node) {
    node = document.createElement('div');
    node.id = 'relay-confirmation';
    node.setAttribute('role', 'status');
    node.setAttribute('aria-live', 'polite');
    document.body.appendChild(node);
  }
  return node;
}

/** Shows one message: a headline, a sentence, optional links; {pending: true} marks work Relay is still doing. */
function show(message, headline, sentence, options) {
  if (message !== shown) {
    return;
  }
  const opts = options || {};
  const node = panel();
  node.textContent = '';
  node.className = opts.pending ? 'relay-pending' : 'relay-done';
  node.setAttribute('data-relay-state', opts.pending ? 'pending' : 'done');

  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', t('webapps.tasklist.confirm.close'));
  close.textContent = '\u00d7';
  close.addEventListener('click', () => node.remove());
  node.appendChild(close);

  const title = document.createElement('strong');
  title.className = 'relay-headline';
  title.textContent = headline;
  node.appendChild(title);

  const text = document.createElement('p');
  text.className = 'relay-sentence';
  text.textContent = sentence;
  node.appendChild(text);

  if (opts.link) {
    const link = document.createElement('a');
    link.href = opts.link.href;
    link.textContent = opts.link.text;
    node.appendChild(link);
  }
}

function nextMessage() {
  shown += 1;
  return shown;
}

// ---- after New referral -------------------------------------------------------------------------------------------

async function announceSent(detail) {
  const message = nextMessage();
  show(message, t('webapps.tasklist.confirm.sent'), t('webapps.tasklist.confirm.sent.finding', {what: whose(detail)}),
      {pending: true});
  try {
    // newest first: the referral just recorded is on top, unless another tab sent one for the same customer since
    const sent = await getJson('/api/referrals/sent?size=10');
    const standing = sent.find(s => s.customerName === detail.customerName && s.product === detail.expressedInterest)
        || sent[0];
    if (!standing) {
      throw new Error('not listed');
    }
    show(message, t('webapps.tasklist.confirm.sent') + ' \u2014 ' + standing.referenceNumber, sentSentence(standing),
        {link: {href: SENT_PAGE, text: t('webapps.tasklist.referralsISent')}});
  } catch (failure) {
    show(message, t('webapps.tasklist.confirm.sent'), t('webapps.tasklist.confirm.sent.unknown', {what: whose(detail)}),
        {link: {href: SENT_PAGE, text: t('webapps.tasklist.referralsISent')}});
  }
}

function sentSentence(s) {
  const what = whose({customerName: s.customerName, productLabel: s.productLabel});
  if (s.holder.name) {
    return t(s.status === 'ASSIGNED' ? 'webapps.tasklist.confirm.withAsked' : 'webapps.tasklist.confirm.with',
        {what, holder: s.holder.text});
  }
  if (s.holder.queueName) {
    return t('webapps.tasklist.confirm.waitsInQueue', {what, queue: s.holder.queueName});
  }
  return t('webapps.tasklist.confirm.routing', {what});
}

// ---- after Review and Work ----------------------------------------------------------------------------------------

async function standingOf(reference) {
  try {
    return await getJson('/api/referrals/' + encodeURIComponent(reference) + '/standing');
  } catch (failure) {
    if (failure.status === 404) {
      return null;   // it left the caller's sight: the form's own knowledge has to do
    }
    throw failure;
  }
}

async function announceDecision(d) {
  const message = nextMessage();
  const what = whose(d);
  try {
    switch (d.decision) {
      case 'accept':
        show(message, t('webapps.tasklist.confirm.accepted'), t('webapps.tasklist.confirm.accepted.sentence', {what}));
        break;
      case 'reject': {
        const s = await standingOf(d.reference);
        show(message, t('webapps.tasklist.confirm.rejected'), s && s.holder.name && s.status !== 'CLOSED_LOST'
            ? t('webapps.tasklist.confirm.wentTo', {what, holder: s.holder.text})
            : s && s.holder.queueName ? t('webapps.tasklist.confirm.waitsForSomeoneElse', {what, queue: s.holder.queueName})
                : t('webapps.tasklist.confirm.leftQueue', {what}));
        break;
      }
      case 'reassign': {
        const s = await standingOf(d.reference);
        show(message, t('webapps.tasklist.confirm.reassigned'),
            t('webapps.tasklist.confirm.wentTo', {what, holder: s ? s.holder.text : d.target}));
        break;
      }
      case 'merge':
        show(message, t('webapps.tasklist.confirm.merged'), t(d.mergeHolder ? 'webapps.tasklist.confirm.merged.holder'
            : 'webapps.tasklist.confirm.merged.sentence', {what, into: d.mergeInto, holder: d.mergeHolder}));
        break;
      case 'logActivity':
        show(message, t('webapps.tasklist.confirm.logged'), t('webapps.tasklist.confirm.logged.sentence', {what}));
        break;
      case 'closeLost': {
        const s = await standingOf(d.reference);
        // the outcome's text comes from Relay in the webapp's language; its reason follows the first colon
        const reason = s && s.outcome && s.outcome.text.includes(':') ? s.outcome.text.replace(/^[^:]*:\s*/, '') : '';
        show(message, t('webapps.tasklist.confirm.closedLost'), t(reason ? 'webapps.tasklist.confirm.closedLost.reason'
            : 'webapps.tasklist.confirm.closedLost.sentence', {what, reason}));
        break;
      }
      case 'convert':
        await followConversion(message, d, what);
        break;
      default:
        show(message, t('webapps.tasklist.confirm.done'), t('webapps.tasklist.confirm.done.sentence', {what}));
    }
  } catch (failure) {
    show(message, t('webapps.tasklist.confirm.saved'), t('webapps.tasklist.confirm.saved.sentence', {what}));
  }
}

/** The conversion runs as a job right after Complete: say so, then name the opportunity once it exists. */
async function followConversion(message, d, what) {
  show(message, t('webapps.tasklist.confirm.converting'), t(d.amountText ? 'webapps.tasklist.confirm.converting.amount'
      : 'webapps.tasklist.confirm.converting.sentence', {what, amount: d.amountText}), {pending: true});
  const until = Date.now() + CONVERSION_WAIT_MS;
  while (Date.now() < until && message === shown) {
    const s = await standingOf(d.reference);
    if (s && s.outcome && s.outcome.opportunityId) {
      const values = {what, opportunity: s.outcome.opportunityId, amount: d.amountText};
      show(message, t('webapps.tasklist.confirm.converted', values), t(d.amountText
          ? 'webapps.tasklist.confirm.converted.amount' : 'webapps.tasklist.confirm.converted.sentence', values));
      return;
    }
    await new Promise(resolve => setTimeout(resolve, CONVERSION_POLL_MS));
  }
  show(message, t('webapps.tasklist.confirm.converting'), t('webapps.tasklist.confirm.converting.slow', {what}));
}

window.addEventListener('relay:referral-sent', event => announceSent(event.detail || {}));
window.addEventListener('relay:decided', event => announceDecision(event.detail || {}));

// ---- "Referrals I sent" in the header -----------------------------------------------------------------------------

export default {
  id: 'relay-referrals-sent',
  pluginPoint: 'tasklist.navbar.action',
  priority: 150,
  render: node => {
    const link = document.createElement('a');
    link.href = SENT_PAGE;
    link.className = 'relay-referrals-sent';
    const icon = document.createElement('span');
    icon.className = 'glyphicon glyphicon-send';
    link.appendChild(icon);
    link.appendChild(document.createTextNode(' ' + t('webapps.tasklist.referralsISent')));
    node.appendChild(link);
  }
};
