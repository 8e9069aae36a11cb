/**
 * Every profile view, one entry each: its profile, partition and session, its mode, the secret
 * its capture bridge uses, and the ProfileView. The one place main looks a view up — by profile,
 * by webContents, by session — instead of parallel maps kept in step by hand.
 *
 * A profile's session is registered before its view is created, because Electron emits
 * 'web-contents-created' inside the WebContentsView constructor (lib/browser/api/web-contents.ts
 * `_init`): while the view is being built, its webContents can already be told apart from the
 * popups that share its session later.
 */
import { randomBytes } from 'node:crypto';
import type { Session } from 'electron';
import type { Profile } from '../../shared/contract/profile';
import { effectiveMode } from '../../shared/core/profile-defaults';
import type { RegisteredView } from '../ipc/sender-validation';
import type { ViewMode } from '../security/navigation-policy';
import { profilePartition } from '../security/web-preferences';
import type { ProfileView } from './profile-view';

export interface LoadFailure {
  code: number;
  description: string;
  url: string;
}

export interface ViewEntry {
  readonly profile: Profile;
  readonly partition: string;
  readonly session: Session;
  readonly mode: ViewMode;
  /** The capture bridge's per-view secret (its Socket.IO tap event name). */
  readonly secret: string;
  /** null while the view is being constructed. */
  view: ProfileView | null;
}

/** A webContents on a profile's session: the profile's own view, or a popup it opened. */
export interface ContentsOwner {
  entry: ViewEntry;
  role: 'view' | 'popup';
}

interface ContentsLike {
  id: number;
  session: Session;
}

export class ViewRegistry {
  private readonly entries: ViewEntry[] = [];
  /** Last load failure per profile, shown on its error page. */
  readonly failures = new Map<string, LoadFailure>();

  constructor(private readonly sessionFor: (partition: string) => Session) {}

  /** Registers the profile's session, then builds its view with `create`. */
  add(profile: Profile, create: (entry: ViewEntry) => ProfileView): ProfileView {
    const partition = profilePartition(profile.id);
    const entry: ViewEntry = { profile, partition, session: this.sessionFor(partition), mode: effectiveMode(profile), secret: randomBytes(16).toString('hex'), view: null };
    this.entries.push(entry);
    entry.view = create(entry);
    return entry.view;
  }

  owner(contents: ContentsLike): ContentsOwner | null {
    const entry = this.entries.find((e) => e.session === contents.session);
    if (!entry) return null;
    const isView = entry.view === null || entry.view.view.webContents.id === contents.id;
    return { entry, role: isView ? 'view' : 'popup' };
  }

  get(profileId: string): ViewEntry | undefined {
    return this.entries.find((e) => e.profile.id === profileId);
  }

  /** The entry whose view is this webContents (not its popups). */
  byContents(webContentsId: number): ViewEntry | undefined {
    return this.entries.find((e) => e.view?.view.webContents.id === webContentsId);
  }

  views(): ProfileView[] {
    return this.entries.flatMap((e) => (e.view ? [e.view] : []));
  }

  profiles(): Map<string, Profile> {
    return new Map(this.entries.map((e) => [e.profile.id, e.profile]));
  }

  /** What capture sender validation checks a message's webContents against. */
  senders(): Map<number, RegisteredView> {
    return new Map(this.entries.flatMap((e) => (e.view ? [[e.view.view.webContents.id, { profile: e.profile, mode: e.mode }] as const] : [])));
  }
}
