// Relay for Camunda Cockpit: the process instance page offers every engine write (edit, delete and add variables,
// cancel, suspend, retry) to whoever opens it and lets the engine refuse afterwards. Managers may only read a
// lifecycle (Relay's record is the truth: they reassign or close through Relay), so the page hides those controls
// unless the engine says this user may update the instance (administrators keep them, for operating the engine).

const CHECK = '/camunda/api/engine/engine/default/authorization/check?permissionName=UPDATE'
  + '&resourceName=ProcessInstance&resourceType=8&resourceId=';

function shownInstance() {
  const match = /^#\/process-instance\/([^/?]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function markReadOnly() {
  const id = shownInstance();
  if (!id) {
    document.body.classList.remove('relay-read-only');
    return;
  }
  document.body.classList.add('relay-read-only');   // hidden until the engine says otherwise: no flash of buttons
  fetch(CHECK + encodeURIComponent(id), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => response.ok ? response.json() : {authorized: false})
    .then(answer => {
      if (answer.authorized && shownInstance() === id) {
        document.body.classList.remove('relay-read-only');
      }
    })
    .catch(() => {});
}

window.addEventListener('hashchange', markReadOnly);
markReadOnly();

// no view of its own: the module is loaded for the check above
export default [];
