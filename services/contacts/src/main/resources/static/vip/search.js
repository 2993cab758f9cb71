// The search box: GET /v1/search?q=&types=&limit=&cursor= (vespa-loader) with the user's JWT.
// Hits come with highlights as pieces {text, match}: each piece goes on the page as text, a match
// inside a <mark>, so nothing the mail says can become markup. "More results" pages with the
// answer's next_cursor.
'use strict';

const SEARCH_LIMIT = 10;
const SEARCH_TYPES = {
  email: 'Mail', calendar: 'Event', contact: 'Contact', document: 'Document', todo: 'To-do',
};

// The search: this origin behind the ingress; in a local run (./dev up: the page on 8083) port 8084.
function searchBase() {
  return location.port === '8083' ? location.protocol + '//' + location.hostname + ':8084' : '';
}

class SearchBox {
  // token: () => the user's JWT
  constructor(token) {
    this.token = token;
    this.query = null;             // {q, types} of the results shown
    this.cursor = null;
    this.busy = false;
  }

  attach() {
    document.getElementById('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const q = document.getElementById('search-q').value.trim();
      if (q) {
        this.search({ q, types: document.getElementById('search-types').value }, null);
      }
    });
    document.getElementById('search-more').addEventListener('click', () => {
      if (this.query && this.cursor) {
        this.search(this.query, this.cursor);
      }
    });
  }

  async search(query, cursor) {
    if (this.busy) return;
    this.busy = true;
    const status = document.getElementById('search-status');
    const more = document.getElementById('search-more');
    status.textContent = 'Searching…';
    status.dataset.state = 'searching';
    try {
      const page = await this.fetchPage(query, cursor);
      const list = document.getElementById('search-results');
      if (!cursor) {
        list.replaceChildren();
      }
      list.append(...page.hits.map(hitItem));
      this.query = query;
      this.cursor = page.next_cursor || null;
      more.hidden = !this.cursor;
      const shown = list.children.length;
      status.textContent = shown === 0
        ? 'Nothing found for “' + query.q + '”.'
        : 'Showing ' + shown + ' of ' + page.total + ' for “' + query.q + '”.';
      status.dataset.state = shown === 0 ? 'empty' : 'results';
    } catch (e) {
      status.textContent = 'Search failed: ' + e.message;
      status.dataset.state = 'failed';
    } finally {
      this.busy = false;
    }
  }

  async fetchPage(query, cursor) {
    const params = new URLSearchParams({ q: query.q, limit: String(SEARCH_LIMIT) });
    if (query.types) params.set('types', query.types);
    if (cursor) params.set('cursor', cursor);
    let response;
    try {
      response = await fetch(searchBase() + '/v1/search?' + params, {
        headers: { Authorization: 'Bearer ' + this.token() },
        cache: 'no-store',
      });
    } catch (e) {
      throw new Error('could not reach the search (' + e.message + ')');
    }
    const body = await response.json().catch(() => null);
    if (response.ok && body && Array.isArray(body.hits)) {
      return body;
    }
    // An RFC 9457 problem: its detail is the sentence for the user.
    throw new Error((body && body.detail) || response.status + ' ' + response.statusText);
  }
}

function hitItem(hit) {
  const item = document.createElement('li');
  item.className = 'hit';
  item.dataset.type = hit.type;
  const type = document.createElement('span');
  type.className = 'hit-type';
  type.textContent = SEARCH_TYPES[hit.type] || hit.type;
  const title = document.createElement('span');
  title.className = 'hit-title';
  const highlights = hit.highlights || {};
  appendPieces(title, highlights.title, hit.title || '(untitled)');
  item.append(type, ' ', title);
  const extra = hitDetails(hit);
  if (extra) {
    const details = document.createElement('span');
    details.className = 'hit-details';
    details.textContent = extra;
    item.append(' ', details);
  }
  if (highlights.snippet && highlights.snippet.length) {
    const snippet = document.createElement('p');
    snippet.className = 'hit-snippet';
    appendPieces(snippet, highlights.snippet, '');
    item.append(snippet);
  }
  return item;
}

// Highlight pieces as text nodes and <mark>s; the plain text when there are none.
function appendPieces(element, pieces, fallback) {
  if (!Array.isArray(pieces) || pieces.length === 0) {
    element.textContent = fallback;
    return;
  }
  for (const piece of pieces) {
    const text = String(piece.text ?? '');
    if (piece.match) {
      const mark = document.createElement('mark');
      mark.textContent = text;
      element.append(mark);
    } else {
      element.append(document.createTextNode(text));
    }
  }
}

function hitDetails(hit) {
  const d = hit.details || {};
  if (hit.type === 'email' && d.from) return 'from ' + d.from;
  if (hit.type === 'calendar' && d.start) return new Date(d.start).toLocaleString();
  if (hit.type === 'contact' && Array.isArray(d.email_addresses)) return d.email_addresses.join(', ');
  if (hit.type === 'todo' && d.status) return d.status;
  return '';
}
