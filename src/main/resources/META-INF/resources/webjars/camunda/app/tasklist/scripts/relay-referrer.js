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

const SENT_PAGE = '/referrals/sent';
const CONVERSION_WAIT_MS = 5 * 60 * 1000;
const CONVERSION_POLL_MS = 2000;

let shown = 0;   // the panel's current message: a newer one wins over a slower answer to an older one

async function getJson(url) {
  const answer = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!answer.ok) {
    const failure = new Error('Relay answered ' + answer.status);
    failure.status = answer.status;
    throw failure;
  }
  return answer.json();
}

/** "Mortgage" → "mortgage", "SME Loan" → "SME loan": a product inside a sentence. */
function inSentence(label) {
  return String(label || 'referral').split(' ')
      .map(word => /^[A-Z0-9]{2,}$/.test(word) ? word : word.toLowerCase()).join(' ');
}

function whose(detail) {
  return detail.customerName + '\u2019s ' + inSentence(detail.productLabel);
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
  close.setAttribute('aria-label', 'Close');
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
  show(message, 'Referral sent', whose(detail) + ' is recorded; Relay is finding out who has it\u2026', {pending: true});
  try {
    // newest first: the referral just recorded is on top, unless another tab sent one for the same customer since
    const sent = await getJson('/api/referrals/sent?size=10');
    const standing = sent.find(s => s.customerName === detail.customerName && s.product === detail.expressedInterest)
        || sent[0];
    if (!standing) {
      throw new Error('not listed');
    }
    show(message, 'Referral sent \u2014 ' + standing.referenceNumber, sentSentence(standing),
        {link: {href: SENT_PAGE, text: 'Referrals I sent'}});
  } catch (failure) {
    show(message, 'Referral sent', whose(detail) + ' is recorded. Its reference and who has it are in Referrals I sent.',
        {link: {href: SENT_PAGE, text: 'Referrals I sent'}});
  }
}

function sentSentence(s) {
  const what = s.customerName + '\u2019s ' + inSentence(s.productLabel);
  if (s.holder.name) {
    return what + ' is with ' + s.holder.text + (s.status === 'ASSIGNED' ? ', who is asked to accept it.' : '.');
  }
  if (s.holder.queueName) {
    return what + ' waits in the ' + s.holder.queueName + ' queue for the first specialist to take it.';
  }
  return what + ' is recorded; Relay is routing it.';
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
        show(message, 'Accepted', what + ' is yours: Work referral is in My referrals.');
        break;
      case 'reject': {
        const s = await standingOf(d.reference);
        show(message, 'Rejected', s && s.holder.name && s.status !== 'CLOSED_LOST'
            ? what + ' went to ' + s.holder.text + '.'
            : s && s.holder.queueName ? what + ' waits in the ' + s.holder.queueName + ' queue for someone else.'
                : what + ' has left your queue: nobody else in it could take it, so its manager decides.');
        break;
      }
      case 'reassign': {
        const s = await standingOf(d.reference);
        show(message, 'Reassigned', what + ' went to ' + (s ? s.holder.text : d.target) + '.');
        break;
      }
      case 'merge':
        show(message, 'Merged', what + ' is closed as a duplicate of ' + d.mergeInto
            + (d.mergeHolder ? ', which stays with ' + d.mergeHolder : '') + '; both timelines say so.');
        break;
      case 'logActivity':
        show(message, 'Activity logged', what + ' stays with you; the activity is on its timeline.');
        break;
      case 'closeLost': {
        const s = await standingOf(d.reference);
        show(message, 'Closed as lost', what + (s && s.outcome ? ': ' + s.outcome.text.replace(/^Closed as lost:? ?/, '') : '')
            + '. Its referrer is told; you or a manager can reopen it.');
        break;
      }
      case 'convert':
        await followConversion(message, d, what);
        break;
      default:
        show(message, 'Done', what + ' is updated.');
    }
  } catch (failure) {
    show(message, 'Saved', 'Your decision on ' + what + ' is saved; Relay did not answer where it went (reload to see).');
  }
}

/** The conversion runs as a job right after Complete: say so, then name the opportunity once it exists. */
async function followConversion(message, d, what) {
  show(message, 'Converting', what + ' is becoming an opportunity' + (d.amountText ? ' of ' + d.amountText : '')
      + '\u2026', {pending: true});
  const until = Date.now() + CONVERSION_WAIT_MS;
  while (Date.now() < until && message === shown) {
    const s = await standingOf(d.reference);
    if (s && s.outcome && s.outcome.opportunityId) {
      show(message, 'Converted \u2014 opportunity ' + s.outcome.opportunityId + ' created',
          what + ' is now opportunity ' + s.outcome.opportunityId + (d.amountText ? ' (' + d.amountText + ')' : '')
          + '. Its referrer is thanked.');
      return;
    }
    await new Promise(resolve => setTimeout(resolve, CONVERSION_POLL_MS));
  }
  show(message, 'Converting', what + ' is being converted; the opportunity shows on the referral once it is created.');
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
    link.appendChild(document.createTextNode(' Referrals I sent'));
    node.appendChild(link);
  }
};
