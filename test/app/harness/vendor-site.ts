/**
 * A vendor's web client and the hosts around it, on a local HTTPS server the app tier's Chromium
 * reaches under their real-looking names (Chromium's --host-resolver-rules maps them to this
 * server; its --ignore-certificate-errors accepts the throwaway certificate made here):
 *   https://softphone.vendor.test/   the vendor client: links that leave, a help link, a sign-in
 *   https://flaky.vendor.test/       a vendor client whose server drops every connection until
 *                                    the test sets `flakyUp` (a VPN not up yet at login)
 *   https://down.vendor.test/        a vendor host nothing listens for (connection refused, as
 *                                    behind a VPN that is not up) until the test calls bringUp()
 *   https://login.vendor.test/       the identity provider (an auth host of the profile)
 *   https://elsewhere.test/          a site no profile allows
 *   https://softphone.vendor.test/widget  a widget page that posts what a test hands it to
 *                                    window.parent (itself when top-level, as RingCentral's
 *                                    Embeddable does) and lists every message it receives
 *   https://softphone.vendor.test/aicc  a Huawei AICC connection bar (the ccbarclient frame): it
 *                                    listens only 1.2 s after load (its script arrives late) and
 *                                    forwards only the events the host subscribed to by eventpost
 *   https://softphone.vendor.test/busy  a softphone whose "Take call" starts a call it guards with
 *                                    beforeunload (as softphones do while a call is up); a test
 *                                    freezes its main thread from the page (an endless script)
 *   https://softphone.vendor.test/embeds  a page holding one cross-site frame,
 *                                    https://widget.thirdparty.test/plain (nothing in it runs)
 *   https://softphone.vendor.test/crm  a vendor page with a tel:, a mailto: link and a third-party
 *                                    widget frame (https://widget.thirdparty.test/chat) that calls
 *                                    window.open('tel:…') on load and from its button
 * (and its Local Network Access checks are off, since these "public" hosts live on loopback).
 * Every request is recorded, so a test can prove a blocked page was never even fetched.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface VendorSite {
  origin: { softphone: string; login: string; elsewhere: string; help: string; widget: string };
  requests: Array<{ host: string; path: string }>;
  /** flaky.vendor.test answers only once this is true; before, each connection is dropped. */
  flakyUp: boolean;
  /** Starts listening for down.vendor.test (the network "comes back"). */
  bringUp(): Promise<void>;
  /** Chromium switches that route the names above to this server. */
  chromiumArgs: string[];
  close(): Promise<void>;
}

const SOFTPHONE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vendor softphone</title></head>
<body><h1>Vendor softphone</h1>
<button id="leave" type="button">Leave for elsewhere</button>
<a id="help" href="https://help.vendor.test/guide" target="_blank">Help</a>
<button id="signin" type="button">Sign in</button>
<script>
document.getElementById('leave').onclick = () => { location.href = 'https://elsewhere.test/landing'; };
document.getElementById('signin').onclick = () => { window.open('https://login.vendor.test/authorize?client=softphone', 'signin', 'width=480,height=640'); };
</script></body></html>`;

const BUSY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Busy softphone</title></head>
<body><h1>Busy softphone</h1><p id="call">No call</p>
<button id="take" type="button">Take call</button>
<script>
document.getElementById('take').onclick = () => {
  document.getElementById('call').textContent = 'On a call';
  window.addEventListener('beforeunload', (event) => { event.preventDefault(); event.returnValue = 'A call is active'; });
};
</script></body></html>`;

/** The number a toll-fraud widget calls (+1 900: premium rate). */
export const PREMIUM_NUMBER = '+19005550199';

// The test drives it through window.widgetPost(list), the way the vendor's own code posts each
// event; what Switchboard sends into it is listed in #received, and nothing is answered (RC
// drops a command it cannot run without a word).
const WIDGET_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vendor widget</title></head>
<body><h1>Vendor widget</h1><ol id="received" aria-label="Received"></ol>
<script>
window.widgetPost = (list) => { for (const data of list) window.parent.postMessage(data, '*'); };
window.addEventListener('message', (event) => {
  if (event.source !== window) return;
  const li = document.createElement('li');
  li.textContent = JSON.stringify(event.data);
  document.getElementById('received').append(li);
});
</script></body></html>`;

// The bar's envelope and subscription as Huawei documents them (API reference cec_07_0513: the
// frame {message, retcode, event:{eventType, eventGenTime, workNo, content}}; the eventpost JSON
// string of the connection bar guide cec_05_1311/1317, whose 2024 sample subscribes late).
const AICC_BAR = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Connection bar</title></head>
<body><p>Huawei AICC connection bar</p>
<script>
const subscribed = new Set();
setTimeout(() => window.addEventListener('message', (event) => {
  if (typeof event.data !== 'string') return;
  try {
    const msg = JSON.parse(event.data);
    if (msg && msg.name === 'eventpost' && Array.isArray(msg.param)) msg.param.forEach((t) => subscribed.add(t));
  } catch {}
}), 1200);
window.isSubscribed = (eventType) => subscribed.has(eventType);
window.barEvent = (eventType, content) => {
  if (!subscribed.has(eventType)) return false;
  window.parent.postMessage(JSON.stringify({ message: '', retcode: '0', event: { eventType, eventGenTime: Date.now(), workNo: '49999', content } }), '*');
  return true;
};
</script></body></html>`;

const CRM = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vendor CRM</title></head>
<body><h1>Customer record</h1>
<p><a id="call" href="tel:+19005550100">Call the customer</a> · <a id="mail" href="mailto:customer@example.com">Write to the customer</a></p>
<iframe title="Chat widget" src="https://widget.thirdparty.test/chat" width="400" height="120"></iframe>
</body></html>`;

// A third-party widget inside the vendor page: no gesture needed, it dials on load.
const WIDGET = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chat widget</title></head>
<body><p>Chat with us</p><button id="again" type="button">Call us</button>
<script>
const dial = () => window.open('tel:${PREMIUM_NUMBER}');
dial();
document.getElementById('again').onclick = dial;
</script></body></html>`;

const LOGIN = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
<body><h1>Sign in to the vendor</h1><p id="opener"></p>
<script>document.getElementById('opener').textContent = window.opener ? 'opener: present' : 'opener: none';</script></body></html>`;

function certificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'vendor-site-'));
  const result = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=vendor.test', '-addext', 'subjectAltName=DNS:*.vendor.test,DNS:elsewhere.test,DNS:widget.thirdparty.test', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'pipe' });
  if (result.status !== 0) throw new Error(`openssl could not make the test certificate: ${result.stderr.toString()}`);
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

export async function startVendorSite(): Promise<VendorSite> {
  const requests: VendorSite['requests'] = [];
  const state = { flakyUp: false };
  const tls = certificate();
  // A port nothing listens on yet: taken and released, so down.vendor.test refuses until bringUp().
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const downPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  let downServer: Server | null = null;
  const server: Server = createServer(tls, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = req.url ?? '/';
    requests.push({ host, path });
    const page = (body: string) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
    };
    if (host === 'flaky.vendor.test') {
      if (!state.flakyUp) return void req.socket.destroy();
      return page('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Flaky softphone</title></head><body><h1>Flaky softphone</h1></body></html>');
    }
    if (host === 'softphone.vendor.test' && path === '/') return page(SOFTPHONE);
    if (host === 'softphone.vendor.test' && path === '/crm') return page(CRM);
    if (host === 'softphone.vendor.test' && path === '/busy') return page(BUSY);
    if (host === 'softphone.vendor.test' && path === '/widget') return page(WIDGET_PAGE);
    if (host === 'softphone.vendor.test' && path === '/aicc') return page(AICC_BAR);
    if (host === 'widget.thirdparty.test' && path === '/chat') return page(WIDGET);
    if (host === 'softphone.vendor.test' && path === '/embeds') return page('<!doctype html><title>Embeds</title><iframe title="Plain widget" src="https://widget.thirdparty.test/plain"></iframe>');
    if (host === 'widget.thirdparty.test' && path === '/plain') return page('<!doctype html><title>Plain widget</title><p>Widget</p>');
    if (host === 'login.vendor.test' && path.startsWith('/authorize')) return page(LOGIN);
    if (host === 'elsewhere.test') return page('<!doctype html><title>Elsewhere</title><h1>Elsewhere</h1>');
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const map = [`MAP down.vendor.test:443 127.0.0.1:${downPort}`, ...['softphone.vendor.test', 'flaky.vendor.test', 'login.vendor.test', 'help.vendor.test', 'elsewhere.test', 'widget.thirdparty.test'].map((h) => `MAP ${h}:443 127.0.0.1:${port}`)].join(', ');
  return {
    origin: { softphone: 'https://softphone.vendor.test', login: 'https://login.vendor.test', elsewhere: 'https://elsewhere.test', help: 'https://help.vendor.test', widget: 'https://widget.thirdparty.test' },
    requests,
    get flakyUp() {
      return state.flakyUp;
    },
    set flakyUp(up: boolean) {
      state.flakyUp = up;
    },
    // Real vendors are public hosts; here they live on loopback, which Chromium's Local Network
    // Access checks would refuse to a page that is not itself local. The rig turns them off.
    chromiumArgs: [`--host-resolver-rules=${map}`, '--ignore-certificate-errors', '--disable-features=LocalNetworkAccessChecks'],
    bringUp: () =>
      new Promise<void>((resolve) => {
        downServer = createServer(tls, (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
          res.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Softphone behind the VPN</title></head><body><h1>Softphone behind the VPN</h1></body></html>');
        });
        downServer.listen(downPort, '127.0.0.1', resolve);
      }),
    close: () =>
      new Promise((resolve) => {
        downServer?.closeAllConnections();
        downServer?.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
