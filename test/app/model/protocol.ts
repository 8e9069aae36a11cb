/**
 * The `protocol` module: registerSchemesAsPrivileged only before 'ready' (it throws afterwards,
 * shell/browser/api/electron_api_protocol.cc), and handle/unhandle/isProtocolHandled applied to
 * the DEFAULT session only (lib/browser/api/protocol.ts:177-198 forwards them to
 * session.defaultSession.protocol), which is why an app that loads its pages in other sessions
 * must register its handler on each of them.
 */
import { isReady } from './ready-state';
import { registerPrivileged, type SchemePrivileges } from './scheme';
import { session, type ProtocolHandler } from './session';
import { strict } from './strict';

export const protocol = strict(
  {
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: SchemePrivileges }>): void {
      if (isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
      for (const { scheme, privileges } of schemes) registerPrivileged(scheme, privileges ?? {});
    },
    handle: (scheme: string, handler: ProtocolHandler) => session.defaultSession.protocol.handle(scheme, handler),
    unhandle: (scheme: string) => session.defaultSession.protocol.unhandle(scheme),
    isProtocolHandled: (scheme: string) => session.defaultSession.protocol.isProtocolHandled(scheme),
  },
  'protocol',
);
