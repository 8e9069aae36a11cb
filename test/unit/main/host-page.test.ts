import { describe, expect, it } from 'vitest';
import { renderHostPage, renderLoadError, frameAllow } from '../../../src/main/pages/host-page';
import { profile } from '../../support/profiles';

describe('host page', () => {
  it('frames the vendor URL with the features it needs and a CSP that allows only that frame', () => {
    const p = profile({ id: 'rc', vendor: 'ringcentral-embeddable', url: 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html' });
    const page = renderHostPage(p);
    expect(page.html).toContain('<iframe id="vendor" name="vendor-ringcentral-embeddable"');
    expect(page.html).toContain('src="https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html"');
    expect(page.html).toContain('allow="microphone; autoplay; clipboard-write; speaker-selection"');
    expect(page.html).toContain('sandbox="allow-same-origin allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals"');
    expect(page.html).not.toContain('allow-top-navigation');
    expect(page.html).not.toMatch(/<script/i);
    expect(page.csp).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; frame-src https://apps.ringcentral.com",
    );
  });

  it('names the frame as vendors address it: ccbarclient for AICC, uContact for uContact', () => {
    expect(renderHostPage(profile({ id: 'a', vendor: 'huawei-aicc', url: 'https://aicc.example.com:8443/bar' })).html).toContain('name="ccbarclient"');
    expect(renderHostPage(profile({ id: 'u', vendor: 'ucontact', url: 'https://acme.ucontactcloud.com/' })).csp).toContain('frame-src https://acme.ucontactcloud.com');
    expect(renderHostPage(profile({ id: 'u', vendor: 'ucontact', url: 'https://acme.ucontactcloud.com/' })).html).toContain('name="uContact"');
  });

  it('asks for the camera only when the profile allows video', () => {
    expect(frameAllow(profile({ id: 'v', vendor: 'ucontact', media: { audio: true, video: true } }))).toBe('camera; microphone; autoplay; clipboard-write; speaker-selection');
    expect(frameAllow(profile({ id: 'n', vendor: 'engage-digital', media: { audio: false, video: false } }))).toBe('autoplay; clipboard-write; speaker-selection');
  });

  it('the demo loads the shipped softphone page', () => {
    const page = renderHostPage(profile({ id: 'demo', vendor: 'demo' }));
    expect(page.html).toContain('src="app://demo/demo.html"');
    expect(page.csp).toContain('frame-src app://demo');
  });

  it('escapes everything profile-specific', () => {
    const p = profile({ id: 'x', name: '<img src=x onerror=alert(1)>"', vendor: 'engage-digital', url: 'https://acme.digital.ringcentral.com/tasks?view=no-header&a="><script>' });
    const { html } = renderHostPage(p);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('"><script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;');
    expect(html).toContain('view=no-header&amp;a=%22%3E%3Cscript%3E');
  });

  it('a profile without URL gets an explanation instead of an empty frame', () => {
    const { html, csp } = renderHostPage(profile({ id: 'e', name: 'Digital', vendor: 'engage-digital' }));
    expect(html).toContain('has no URL configured');
    expect(html).not.toContain('<iframe');
    expect(csp).not.toContain('frame-src');
  });

  it('the load error page names the failure and links back to the host page', () => {
    const { html } = renderLoadError(profile({ id: 'rc', name: 'RC', vendor: 'ringcentral-embeddable' }), { code: -105, description: 'ERR_NAME_NOT_RESOLVED', url: 'https://apps.ringcentral.com/x' }, 'app://host/profile/rc');
    expect(html).toContain('ERR_NAME_NOT_RESOLVED (error -105)');
    expect(html).toContain('<a class="retry" href="app://host/profile/rc">Try again</a>');
  });
});
