/**
 * Events the OS can deliver before the app is ready to act on them, kept from the first line of
 * the main script until start-app takes them: macOS's 'open-url' (tel: links; it can fire before
 * 'ready') and 'second-instance' (a second launch, usually with a tel: link on Windows and
 * Linux). Electron emits 'second-instance' as soon as the second process hands over, whether or
 * not a listener exists yet (App::OnSecondInstance in shell/browser/api/electron_api_app.cc), so
 * a listener added at the end of an asynchronous start loses every launch before it.
 */
import type { App } from 'electron';

export interface SecondLaunch {
  argv: string[];
  /** The second process's working directory: its relative paths mean something there only. */
  workingDirectory: string;
}

/** What arrived before start-app was listening, then everything after, in order. */
export interface Buffered<T> {
  take(sink: (item: T) => void): void;
}

function buffered<T>(): Buffered<T> & { push(item: T): void } {
  const early: T[] = [];
  let sink: ((item: T) => void) | null = null;
  return {
    push(item) {
      if (sink) sink(item);
      else early.push(item);
    },
    take(next) {
      sink = next;
      for (const item of early.splice(0)) next(item);
    },
  };
}

export interface EarlyEvents {
  /** tel:/callto:/sip: links: from this launch's command line, then from macOS open-url. */
  links: Buffered<string>;
  secondLaunches: Buffered<SecondLaunch>;
}

export function bufferEarlyEvents(app: Pick<App, 'on'>, launchLinks: readonly string[]): EarlyEvents {
  const links = buffered<string>();
  const secondLaunches = buffered<SecondLaunch>();
  for (const url of launchLinks) links.push(url);
  app.on('open-url', (event, url) => {
    event.preventDefault();
    links.push(url);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => secondLaunches.push({ argv: [...argv], workingDirectory }));
  return { links, secondLaunches };
}
