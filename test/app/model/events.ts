/**
 * Electron's event objects and emitters. Electron passes listeners an Event whose
 * preventDefault() the native side reads back synchronously right after emit()
 * (shell/common/gin_helper/event.h, `GetDefaultPrevented`), so a listener that prevents
 * asynchronously has no effect: the model reads `defaultPrevented` right after emit() too.
 */
import { EventEmitter } from 'node:events';
import { recordUncaught, strict } from './strict';

export interface ModelEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
  [key: string]: unknown;
}

export function modelEvent(fields: Record<string, unknown> = {}, name = 'Event'): ModelEvent {
  let prevented = false;
  const event = Object.assign(
    {
      preventDefault() {
        prevented = true;
      },
      get defaultPrevented() {
        return prevented;
      },
    },
    fields,
  );
  return strict(event, name);
}

/**
 * Emits and reports whether a listener prevented the default. An exception in a listener is an
 * uncaught exception of the main process, which Electron reports without exiting; the model
 * records it (see recordUncaught) and the app tier fails the test.
 */
export function emitPreventable(emitter: EventEmitter, name: string, event: ModelEvent, ...args: unknown[]): boolean {
  emitSafely(emitter, name, event, ...args);
  return event.defaultPrevented;
}

export function emitSafely(emitter: EventEmitter, name: string, ...args: unknown[]): void {
  try {
    emitter.emit(name, ...args);
  } catch (err) {
    recordUncaught(err, `a '${name}' listener`);
  }
}

/** The EventEmitter members apps use; anything else on a model object is a gap. */
export class ModelEmitter extends EventEmitter {}
