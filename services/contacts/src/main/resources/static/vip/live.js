// The page's live updates: the notifier's Server-Sent Events (services/notifier/README.md).
// EventSource cannot send the user's JWT, and a JWT in a URL lands in logs, so the page trades the
// JWT for a short-lived stream ticket (POST /v1/stream-tickets) and opens /v1/stream?ticket=...
// EventSource reconnects by itself with the same URL while the ticket is valid; once it expired the
// stream answers 401, EventSource gives up, and a new ticket opens a new EventSource that resumes
// with &last_event_id= (a new EventSource sends no Last-Event-ID header of its own).
// Nothing here runs on a timer except the wait before trying again after a failure.
'use strict';

// What the notifier sends (its README's "Events").
const LIVE_EVENTS = ['progress', 'items', 'item', 'vip_candidates', 'integration', 'resync'];
// Waits before asking again when the notifier could not be reached or was busy (5xx, 429):
// doubling, then the page stops and offers a button, rather than knocking forever.
const LIVE_RETRY_MS = [1000, 2000, 4000, 8000, 16000, 32000];

// The notifier: this origin behind the ingress; in a local run (./dev up: the page on 8083) port 8086.
function notifierBase() {
  return location.port === '8083' ? location.protocol + '//' + location.hostname + ':8086' : '';
}

class LiveStream {
  // token: () => the user's JWT; onEvent(type, data); onState(state, detail) with state one of
  // connecting, live, reconnecting, off.
  constructor(token, onEvent, onState) {
    this.token = token;
    this.onEvent = onEvent;
    this.onState = onState;
    this.source = null;
    this.lastEventId = null;
    this.failures = 0;
    this.retryTimer = null;
  }

  start() {
    this.stop();
    this.failures = 0;
    this.open();
  }

  stop() {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    if (this.source) {
      this.source.close();
      this.source = null;
    }
  }

  async open() {
    this.onState(this.lastEventId ? 'reconnecting' : 'connecting', null);
    let ticket;
    try {
      ticket = await this.ticket();
    } catch (e) {
      this.failed(e);
      return;
    }
    let url = notifierBase() + '/v1/stream?ticket=' + encodeURIComponent(ticket);
    if (this.lastEventId) {
      url += '&last_event_id=' + encodeURIComponent(this.lastEventId);
    }
    const source = new EventSource(url);
    this.source = source;
    source.onopen = () => {
      this.failures = 0;
      this.onState('live', null);
    };
    source.onerror = () => {
      if (this.source !== source) {
        return;
      }
      if (source.readyState === EventSource.CLOSED) {
        // Refused (the ticket expired: 401; or a 4xx/5xx): a new ticket, resuming where it was.
        source.close();
        this.source = null;
        this.failures += 1;
        this.again(this.failures === 1 ? 0 : this.delay(), 'the stream closed');
      } else {
        this.onState('reconnecting', null); // EventSource retries by itself with the same ticket
      }
    };
    for (const type of LIVE_EVENTS) {
      source.addEventListener(type, (message) => this.received(type, message));
    }
  }

  received(type, message) {
    if (message.lastEventId) {
      this.lastEventId = message.lastEventId;
    }
    let data;
    try {
      data = JSON.parse(message.data);
    } catch (e) {
      return; // a hint the page cannot read is no loss: the next one says the same
    }
    // For whoever reads the console (and the browser test): which event the page acted on, and
    // what it said (ids and counts, never an item's body: the notifier sends none).
    console.debug('live event', type, message.lastEventId, message.data);
    this.onEvent(type, data);
  }

  async ticket() {
    let response;
    try {
      response = await fetch(notifierBase() + '/v1/stream-tickets', {
        method: 'POST',
        headers: { Authorization: 'Bearer ' + this.token() },
        cache: 'no-store',
      });
    } catch (e) {
      throw new LiveError(true, 'could not reach the notifier (' + e.message + ')');
    }
    const body = await response.json().catch(() => null);
    if (response.ok && body && typeof body.ticket === 'string') {
      return body.ticket;
    }
    const detail = response.status === 401
      ? 'your sign-in was refused (expired?): open the page again with a new token'
      : (body && body.detail) || response.status + ' ' + response.statusText;
    // Busy or down: worth another try. Refused (401 an expired sign-in, 404 no notifier): not.
    const retry = response.status === 429 || response.status >= 500;
    throw new LiveError(retry, detail);
  }

  failed(error) {
    this.failures += 1;
    if (!error.retry) {
      this.onState('off', error.message);
      return;
    }
    this.again(this.delay(), error.message);
  }

  delay() {
    return LIVE_RETRY_MS[this.failures - 1];
  }

  again(delay, why) {
    if (delay === undefined) {
      this.onState('off', why);
      return;
    }
    this.onState('reconnecting', why);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay);
  }
}

class LiveError extends Error {
  constructor(retry, message) {
    super(message);
    this.retry = retry;
  }
}
