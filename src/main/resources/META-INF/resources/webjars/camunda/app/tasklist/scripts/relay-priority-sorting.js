// Relay: Tasklist's own default order is "created, newest first", whatever the filter's query says. Recipients must
// see the most important referral first, so a task list without an explicit order gets Relay's: priority (highest
// first), then due date (soonest first). A user who picks another order keeps it (it is in the URL).
const BY_PRIORITY = JSON.stringify([{sortBy: 'priority', sortOrder: 'desc'}, {sortBy: 'dueDate', sortOrder: 'asc'}]);

function sortByPriorityUnlessChosen() {
  const hash = window.location.hash || '#/';
  const onTaskList = hash === '#/' || hash.startsWith('#/?');
  if (!onTaskList || /[?&]sorting=/.test(hash)) {
    return;
  }
  const separator = hash.includes('?') ? '&' : '?';
  const target = (hash === '#' ? '#/' : hash) + separator + 'sorting=' + encodeURIComponent(BY_PRIORITY);
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search + target);
}

sortByPriorityUnlessChosen();
window.addEventListener('hashchange', sortByPriorityUnlessChosen);

export default {};
