// Shared by every simulator page: what arrives in the vendor client by postMessage is recorded
// with its event.origin, and the page posts the way the vendor clients do (to window.parent,
// targetOrigin '*'; window.parent is the page itself when it is the top frame).
'use strict';
(function () {
  const received = [];
  window.received = received;
  /** Differs per document: tells a reloaded page from the one before. */
  window.loadId = Math.random().toString(36).slice(2);
  window.addEventListener('message', (event) => {
    received.push({ data: event.data, origin: event.origin, fromParent: event.source === window.parent });
  });
  window.emit = (message) => {
    window.parent.postMessage(message, '*');
    return true;
  };
  /** Frames another page inside this one; resolves once it has loaded. */
  window.frameInside = (url) =>
    new Promise((resolve) => {
      const frame = document.createElement('iframe');
      frame.addEventListener('load', () => resolve(true), { once: true });
      frame.src = url;
      document.body.append(frame);
    });
  /** A frame nested anywhere posting straight to the top window (the host page). */
  window.emitToTop = (message) => {
    window.top.postMessage(message, '*');
    return true;
  };
  window.navigateTo = (url) => {
    window.location.href = url;
    return true;
  };
})();
