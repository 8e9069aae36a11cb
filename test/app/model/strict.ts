/**
 * What makes the model strict: every object the app gets from `electron` is wrapped so that
 * reading a member the model does not implement throws a ModelGap, and every gap is also
 * recorded, because the app may catch the throw (a try/catch around a call, a promise nobody
 * awaits). The app tier fails a test that left any gap behind, so it can never pass by the model
 * silently skipping a call the real Electron would have made do something.
 */

export class ModelGap extends Error {
  constructor(readonly member: string) {
    super(`electron model: ${member} is not implemented by the model (add it, with the Electron docs or source it follows)`);
    this.name = 'ModelGap';
  }
}

const gaps: string[] = [];

export function recordGap(member: string): ModelGap {
  const gap = new ModelGap(member);
  if (!gaps.includes(member)) gaps.push(member);
  process.emitWarning(gap.message);
  return gap;
}

/** Every member the app reached that the model lacks, in first-seen order. */
export function modelGaps(): readonly string[] {
  return gaps;
}

/**
 * Reads the runtime and tooling do on any object (promise resolution, util.inspect, JSON,
 * equality helpers): answering them with `undefined` is what a real Electron object does too.
 */
const PROBES = new Set<string | symbol>(['then', 'toJSON', 'constructor', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', 'toString', 'valueOf', 'inspect', 'prototype', '__proto__']);

export function strict<T extends object>(target: T, name: string): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === 'symbol' || prop in obj || PROBES.has(prop)) return Reflect.get(obj, prop, receiver);
      throw recordGap(`${name}.${prop}`);
    },
  });
}

const uncaught: string[] = [];

/**
 * An exception nobody caught in the main process. Electron reports it (a dialog, or stderr) and
 * keeps running (lib/browser/init.ts:22-37, "Don't quit on fatal error"), so the model keeps
 * running too and the app tier fails the test on any of them.
 */
export function recordUncaught(err: unknown, where: string): void {
  const text = `${where}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
  uncaught.push(text);
  process.stderr.write(`electron model: uncaught exception in ${text}\n`);
}

export function uncaughtErrors(): readonly string[] {
  return uncaught;
}

/** A whole module namespace: a named export the model lacks fails at import already (ESM link error). */
export function strictModule<T extends object>(members: T, name: string): T {
  return strict(members, name);
}
