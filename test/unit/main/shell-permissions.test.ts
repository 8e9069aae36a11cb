/** The shell UI's session: audio-output checks for our shell page only, every request denied. */
import { describe, expect, it } from 'vitest';
import { decideShellCheck, installShellPermissionHandlers } from '../../../src/main/security/shell-permissions';

describe('shell UI permissions', () => {
  it('our shell page may list and choose audio outputs', () => {
    expect(decideShellCheck({ permission: 'media', mediaType: 'audio', url: 'app://shell/index.html' }).granted).toBe(true);
    expect(decideShellCheck({ permission: 'speaker-selection', url: 'app://shell/index.html' }).granted).toBe(true);
  });
  it('nothing else, and nothing for any other origin', () => {
    expect(decideShellCheck({ permission: 'media', mediaType: 'video', url: 'app://shell/index.html' }).granted).toBe(false);
    expect(decideShellCheck({ permission: 'notifications', url: 'app://shell/index.html' }).granted).toBe(false);
    expect(decideShellCheck({ permission: 'media', mediaType: 'audio', url: 'app://host/profile/sales' }).granted).toBe(false);
    expect(decideShellCheck({ permission: 'speaker-selection', url: 'https://evil.example' }).granted).toBe(false);
    expect(decideShellCheck({ permission: 'media', mediaType: 'audio', url: undefined }).granted).toBe(false);
  });
  it('requests (getUserMedia, selectAudioOutput) are denied even to the shell page', () => {
    type Req = (wc: unknown, permission: string, cb: (granted: boolean) => void, details: { requestingUrl?: string }) => void;
    let request: Req | null = null;
    installShellPermissionHandlers({ setPermissionRequestHandler: (h: unknown) => void (request = h as Req), setPermissionCheckHandler: () => undefined } as never, () => undefined);
    const answers: boolean[] = [];
    request!(null, 'media', (g) => answers.push(g), { requestingUrl: 'app://shell/index.html' });
    request!(null, 'speaker-selection', (g) => answers.push(g), { requestingUrl: 'app://shell/index.html' });
    expect(answers).toEqual([false, false]);
  });
});
