import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { FIELD_LIMITS, type ShellEvent } from '../../../src/shared/contract/shell-event';
import { ENGAGE_DIGITAL_MAPPING, engageDigital } from '../../../src/shared/vendors/engage-digital';
import { AT, HUGE, NON_OBJECTS, WRONG_VALUES, captureOf, eventsOf, neverThrows, only, readReplay, rejectOf, run, view } from './postmessage-harness';
import { AdapterMemory } from '../../../src/shared/vendors/memory';
import { replayCase } from '../../support/replay-case';

const ORIGIN = 'https://acme.digital.ringcentral.com';
const ev = (name: unknown, data?: unknown) => only(engageDigital, ORIGIN, { name, data });
const rej = (data: unknown) => rejectOf(engageDigital, ORIGIN, data);

// Seed 000's example values (every id in the seed is the same string).
const ID = '59709e1d367b6875d7';
const CONTENT_EVENT = { id: ID, authorId: ID, threadId: ID, inReplyToAuthorId: ID, inReplyToId: ID, interventionId: ID, updatedAt: 1525856019.895, sourceId: ID };
const TASK = { Id: ID, contentId: ID, identityId: ID, interventionId: ID, sourceId: ID };
const UPDATED = {
  Id: ID,
  channelId: ID,
  contentId: ID,
  contentThreadId: ID,
  identityId: ID,
  interventionId: ID,
  sourceId: ID,
  queue: 'workbin_56d4581f77656276e9000323',
  segmentIndex: 1,
  lastIdentityContentBody: 'Hello World',
  lastIdentityContentCreatedAt: '2020-07-08 11:21:09 +0200',
  waitingForUser: false,
  identitySignature: 'Anonyme',
  identityAvatarUrl: 'https://domain-test.engagement.dimelo.com/assets/default_avatar/thumb-412009.png',
};
const SEED: Record<string, unknown> = {
  'smcc:content:reply': { inReplyToId: ID, inReplyToAuthorId: ID, threadId: ID, interventionId: ID, firstIdentityId: ID, sourceId: ID, lastUpdatedContentAt: 1525856019.895 },
  'smcc:content:initiate_discussion': { body: 'Hello', sourceId: ID },
  'smcc:content:intervention_opened': CONTENT_EVENT,
  'smcc:content:intervention_closed': CONTENT_EVENT,
  'smcc:content_thread:selected': { id: ID, lastContentId: ID, firstIdentityId: ID },
  'smcc:identity:show': { id: ID, threadId: ID, interventionId: ID, taskID: ID },
  'smcc:task:selected': { ...TASK, queue: 'workbin' },
  'smcc:task:ring': { ...TASK, queue: 'global', body: 'bonjour', author: 'Martin Martin' },
  'smcc:task:missed': { ...TASK, queue: 'global' },
  'smcc:task:updated': UPDATED,
  'smcc:user:disconnected': undefined,
};
const EXPECTED: Record<string, Partial<ShellEvent>> = {
  'smcc:content:reply': { kind: 'vendor.info', ref: ID },
  'smcc:content:initiate_discussion': { kind: 'vendor.info', text: 'Hello' },
  'smcc:content:intervention_opened': { kind: 'vendor.info', ref: ID },
  'smcc:content:intervention_closed': { kind: 'vendor.info', ref: ID },
  'smcc:content_thread:selected': { kind: 'vendor.info', ref: ID },
  'smcc:identity:show': { kind: 'vendor.info', ref: ID },
  'smcc:task:selected': { kind: 'vendor.info', ref: ID },
  'smcc:task:ring': { kind: 'interaction.offered', ref: ID, media: 'task', party: { name: 'Martin Martin' }, queue: 'global', text: 'bonjour' },
  'smcc:task:missed': { kind: 'interaction.missed', ref: ID, media: 'task', queue: 'global' },
  'smcc:task:updated': { kind: 'vendor.info', ref: ID },
  'smcc:user:disconnected': { kind: 'agent.session', loggedIn: false },
};
const DOCUMENTED = Object.keys(SEED);

describe('engage-digital adapter shape', () => {
  it('declares the documented identity and no commands', () => {
    expect(engageDigital.id).toBe('engage-digital');
    expect(engageDigital.label).toBe('RingCentral Engage Digital');
    expect(engageDigital.defaultOrigins).toEqual(['https://*.digital.ringcentral.com', 'https://*.engagement.dimelo.com']);
    expect(engageDigital.transport).toBe('postMessage');
    expect(engageDigital.defaultMode).toBe('framed');
    expect(engageDigital.derivesMissed).toBe(false);
    expect(engageDigital.commands).toEqual({});
    expect(engageDigital.handshake).toBeUndefined();
  });

  it('lists every documented event exactly once', () => {
    const names = ENGAGE_DIGITAL_MAPPING.map((r) => r.vendorEvent);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...DOCUMENTED].sort());
    for (const row of ENGAGE_DIGITAL_MAPPING) expect(row.source).toMatch(/seed 000/);
  });

  it('maps each row to the kind its table states (task:updated when the customer wrote)', () => {
    for (const row of ENGAGE_DIGITAL_MAPPING) {
      const data = row.vendorEvent === 'smcc:task:updated' ? { ...UPDATED, waitingForUser: true } : SEED[row.vendorEvent];
      expect(ev(row.vendorEvent, data).kind, row.vendorEvent).toBe(row.kind);
    }
  });
});

describe('engage-digital seed payloads', () => {
  for (const name of DOCUMENTED) {
    it(`${name} → ${EXPECTED[name]!.kind}`, () => {
      const envelope = SEED[name] === undefined ? { name } : { name, data: SEED[name] };
      const event = only(engageDigital, ORIGIN, envelope);
      expect(view(event)).toEqual(EXPECTED[name]);
      expect(event.vendorEvent).toBe(name);
      expect(event.raw).toEqual(envelope);
      expect(event.profile).toBe('p1');
      expect(event.id).toBe(`p1:1700000000000:${name}:0`);
    });
  }

  it('smcc:task:updated with waitingForUser true is the customer message', () => {
    expect(view(ev('smcc:task:updated', { ...UPDATED, waitingForUser: true }))).toEqual({
      kind: 'message.inbound',
      ref: ID,
      media: 'task',
      party: { name: 'Anonyme' },
      text: 'Hello World',
    });
  });

  it('smcc:task:updated after a deleted content (null values) still maps', () => {
    const deleted = { ...UPDATED, contentId: null, interventionId: null, lastIdentityContentCreatedAt: null, identitySignature: null, identityAvatarUrl: null };
    expect(view(ev('smcc:task:updated', deleted))).toEqual({ kind: 'vendor.info', ref: ID });
    expect(view(ev('smcc:task:updated', { ...deleted, waitingForUser: true }))).toEqual({ kind: 'message.inbound', ref: ID, media: 'task', text: 'Hello World' });
  });

  it('only a boolean true counts as waiting for the agent', () => {
    for (const waitingForUser of ['true', 1, null, undefined, false]) {
      expect(ev('smcc:task:updated', { ...UPDATED, waitingForUser }).kind).toBe('vendor.info');
    }
  });
});

describe('engage-digital refs follow each event’s own id key', () => {
  it.each([
    ['smcc:task:ring', { Id: 'task-1', id: 'other', interventionId: 'int-1' }, 'task-1'],
    ['smcc:content:reply', { inReplyToId: 'content-1', threadId: 'thread-1', interventionId: 'int-1' }, 'content-1'],
    ['smcc:content:intervention_opened', { id: 'content-1', interventionId: 'int-1' }, 'int-1'],
    ['smcc:content:intervention_closed', { id: 'content-1' }, 'content-1'],
    ['smcc:content_thread:selected', { id: 'thread-1', lastContentId: 'content-1' }, 'thread-1'],
    ['smcc:identity:show', { id: 'identity-1', taskID: 'task-1', interventionId: 'int-1' }, 'task-1'],
    ['smcc:identity:show', { id: 'identity-1', interventionId: 'int-1' }, 'int-1'],
    ['smcc:task:missed', { Id: 12345 }, '12345'],
  ])('%s %j → ref %s', (name, data, ref) => {
    expect(ev(name, data).ref).toBe(ref);
  });

  it('does not guess across casings: a task event without "Id" has no ref', () => {
    expect(ev('smcc:task:ring', { id: 'task-1', taskID: 'task-1' }).ref).toBeUndefined();
    expect(ev('smcc:content:initiate_discussion', { id: 'x', body: 'hi' }).ref).toBeUndefined();
  });
});

describe('engage-digital envelopes', () => {
  it('rejects non-objects and arrays with what arrived', () => {
    for (const data of NON_OBJECTS) expect(rej(data)).toMatch(/^not an Engage Digital message: expected an object with a string "name", got /);
    expect(rej(null)).toMatch(/got null$/);
    expect(rej([1])).toMatch(/got an array$/);
    expect(rej(42)).toMatch(/got number$/);
  });

  it('rejects a missing or non-string name, naming it', () => {
    expect(rej({ data: {} })).toBe('not an Engage Digital message: expected a string "name", and there is none');
    expect(rej({ name: 42, data: {} })).toBe('not an Engage Digital message: expected a string "name", got number');
    expect(rej({ name: '', data: {} })).toBe('not an Engage Digital message: "name" is empty');
    expect(rej({ type: 'rc-call-ring-notify' })).toMatch(/there is none$/);
  });

  it('rejects names without the smcc: prefix', () => {
    expect(rej({ name: 'task:ring', data: {} })).toBe('not an Engage Digital message: name "task:ring" lacks the smcc: prefix');
    expect(rej({ name: 'SMCC:task:ring', data: {} })).toMatch(/lacks the smcc: prefix/);
  });

  it('rejects other transports', () => {
    const r = engageDigital.normalize(captureOf(engageDigital, ORIGIN, { name: 'smcc:task:ring', data: {} }, 'socket.io'), new AdapterMemory());
    expect(r).toEqual({ reject: 'Engage Digital messages arrive by postMessage, not socket.io' });
  });

  it('passes App-SDK custom events and unknown smcc: names through as vendor.other', () => {
    expect(view(ev('smcc:my-crm-app', { anything: [1, 2] }))).toEqual({ kind: 'vendor.other' });
    expect(ev('smcc:task:accepted', 'a string payload').vendorEvent).toBe('smcc:task:accepted');
  });
});

describe('engage-digital hostile input', () => {
  it('never lets __proto__ or constructor match a table entry', () => {
    expect(rej({ name: '__proto__', data: {} })).toMatch(/lacks the smcc: prefix/);
    expect(rej({ name: 'constructor', data: {} })).toMatch(/lacks the smcc: prefix/);
    for (const name of ['smcc:__proto__', 'smcc:constructor', 'smcc:toString', 'smcc:hasOwnProperty']) {
      expect(view(ev(name, {}))).toEqual({ kind: 'vendor.other' });
    }
  });

  it('ignores __proto__ and constructor keys in envelope and payload', () => {
    const parsed: unknown = JSON.parse('{"name":"smcc:task:ring","__proto__":{"name":"x"},"constructor":1,"data":{"__proto__":{"Id":"evil","author":"evil"},"constructor":{"Id":"evil"}}}');
    const event = only(engageDigital, ORIGIN, parsed);
    expect(view(event)).toEqual({ kind: 'interaction.offered', media: 'task' });
    expect(({} as Record<string, unknown>).Id).toBeUndefined();
  });

  it('drops fields of the wrong type but keeps the event', () => {
    for (const name of DOCUMENTED) {
      for (const bad of WRONG_VALUES) {
        const keys = ['Id', 'id', 'taskID', 'interventionId', 'inReplyToId', 'queue', 'body', 'author', 'waitingForUser', 'lastIdentityContentBody', 'identitySignature'];
        const event = ev(name, Object.fromEntries(keys.map((k) => [k, bad])));
        const updatedKind = bad === true ? 'message.inbound' : 'vendor.info';
        expect(event.kind).toBe(name === 'smcc:task:updated' ? updatedKind : EXPECTED[name]!.kind);
        // Vendor ids may be numbers, so a finite number is still a ref.
        const idLike = typeof bad === 'number' && Number.isFinite(bad) && EXPECTED[name]!.ref !== undefined;
        expect(event.ref).toBe(idLike ? String(bad) : undefined);
        if (bad !== HUGE) expect([event.text, event.queue, event.party]).toEqual([undefined, undefined, undefined]);
      }
      for (const data of NON_OBJECTS) expect(ev(name, data).kind).toBe(name === 'smcc:task:updated' ? 'vendor.info' : EXPECTED[name]!.kind);
    }
  });

  it('keeps 200 KB names and bodies bounded', () => {
    expect(rej({ name: HUGE, data: {} })).toMatch(/"name" is 200000 characters long \(at most 200\)$/);
    expect(rej({ name: `smcc:${HUGE}`, data: {} })).toMatch(/"name" is 200005 characters long/);
    const ring = ev('smcc:task:ring', { Id: HUGE, body: HUGE, author: HUGE, queue: HUGE });
    expect(ring.ref).toBeUndefined();
    expect(ring.text).toHaveLength(FIELD_LIMITS.text);
    expect(ring.party?.name).toHaveLength(FIELD_LIMITS.name);
    expect(ring.queue).toHaveLength(FIELD_LIMITS.queue);
    const msg = ev('smcc:task:updated', { Id: 'x', waitingForUser: true, lastIdentityContentBody: HUGE, identitySignature: HUGE });
    expect(msg.text!.length).toBeLessThanOrEqual(FIELD_LIMITS.text);
    expect(msg.party!.name!.length).toBeLessThanOrEqual(FIELD_LIMITS.name);
  });

  it('never throws on arbitrary values or arbitrary payloads of documented events', () => {
    neverThrows(engageDigital, ORIGIN, fc.anything());
    neverThrows(engageDigital, ORIGIN, fc.record({ name: fc.constantFrom(...DOCUMENTED, 'smcc:x', '__proto__'), data: fc.anything() }));
  });
});

describe('engage-digital replay fixture', () => {
  it('covers every documented event and yields the expected kinds', () => {
    const { lines, expected } = readReplay('engage-digital');
    expect(lines).toHaveLength(expected.length);
    const seen = new Set<string>();
    lines.forEach((line, i) => {
      expect(line.vendor).toBe('engage-digital');
      expect(line.origin).toBe(ORIGIN);
      const events = eventsOf(engageDigital, line.origin, line.data);
      expect(events.map((e) => e.kind), `line ${i + 1}`).toEqual(expected[i]);
      seen.add(events[0]!.vendorEvent);
    });
    expect([...seen].sort()).toEqual([...DOCUMENTED].sort());
    expect(run(engageDigital, ORIGIN, lines[0]!.data)).toHaveProperty('events');
  });
});

describe('engage-digital: a task deferred and then retrieved', () => {
  // Captures of one profile, normalized in order with one memory, as the pipeline does.
  const session = () => {
    const memory = new AdapterMemory();
    let at = AT;
    return (name: string, data: unknown) => {
      const r = engageDigital.normalize({ ...captureOf(engageDigital, ORIGIN, { name, data }), at: (at += 60_000) }, memory);
      if ('reject' in r) throw new Error(r.reject);
      expect(r.events).toHaveLength(1);
      return r.events[0]!;
    };
  };
  const customer = (body: string, createdAt: string | null) => ({ ...UPDATED, lastIdentityContentBody: body, lastIdentityContentCreatedAt: createdAt, waitingForUser: true });

  it('does not announce the customer message it already announced (same body and time)', () => {
    const send = session();
    expect(send('smcc:task:updated', customer('Hello World', '2020-07-08 11:21:09 +0200')).kind).toBe('message.inbound');
    expect(view(send('smcc:task:updated', customer('Hello World', '2020-07-08 11:21:09 +0200')))).toEqual({ kind: 'vendor.info', ref: ID });
  });

  it('does not announce again the message its ring carried', () => {
    const send = session();
    expect(send('smcc:task:ring', SEED['smcc:task:ring']).kind).toBe('interaction.offered');
    expect(send('smcc:task:updated', customer('bonjour', '2020-07-08 11:21:09 +0200')).kind).toBe('vendor.info');
  });

  it('announces a new message, the same words at a new time, and the same message of another task', () => {
    const send = session();
    send('smcc:task:updated', customer('Hello World', '2020-07-08 11:21:09 +0200'));
    expect(send('smcc:task:updated', customer('Anyone?', '2020-07-08 11:25:00 +0200')).kind).toBe('message.inbound');
    expect(send('smcc:task:updated', customer('Hello World', '2020-07-08 11:30:00 +0200')).kind).toBe('message.inbound');
    expect(send('smcc:task:updated', { ...customer('Hello World', '2020-07-08 11:21:09 +0200'), Id: 'other-task' }).kind).toBe('message.inbound');
  });

  it('an older message that is last again (the newer one deleted) is not announced again', () => {
    const send = session();
    send('smcc:task:updated', customer('Hello World', '2020-07-08 11:21:09 +0200'));
    send('smcc:task:updated', customer('Oops, wrong chat', '2020-07-08 11:22:00 +0200'));
    expect(send('smcc:task:updated', customer('Hello World', '2020-07-08 11:21:09 +0200')).kind).toBe('vendor.info');
  });

  it('without a time (null), the same words in the same task are the same message', () => {
    const send = session();
    send('smcc:task:updated', customer('Hello World', null));
    expect(send('smcc:task:updated', customer('Hello World', null)).kind).toBe('vendor.info');
    expect(send('smcc:task:updated', customer('Hello World', '2020-07-08 11:21:09 +0200')).kind).toBe('vendor.info');
    expect(send('smcc:task:updated', customer('Something else', null)).kind).toBe('message.inbound');
  });

  it('a task without an id is announced every time (nothing to remember it by)', () => {
    const send = session();
    const anonymous = { ...customer('Hello World', '2020-07-08 11:21:09 +0200'), Id: undefined };
    expect(send('smcc:task:updated', anonymous).kind).toBe('message.inbound');
    expect(send('smcc:task:updated', anonymous).kind).toBe('message.inbound');
  });

  it('replay: the agent sees the ring, one toast per customer message, none for the retrievals', () => {
    const run = replayCase('engage-digital-task-retrieved');
    const task = '64b7f3d9a1e4d3001f2a9c40';
    expect(run.lines.map((l) => l.events.map((e) => `${e.kind} ${e.ref}`).join())).toEqual([
      `interaction.offered ${task}`,
      `vendor.info ${task}`,
      `vendor.info ${task}`,
      `message.inbound ${task}`,
      `vendor.info ${task}`,
      `vendor.info ${task}`,
      `message.inbound ${task}`,
    ]);
    expect(run.lines[3]!.events[0]).toMatchObject({ party: { name: 'Jane Doe' }, text: 'Are you still there?' });
    expect(run.lines[6]!.events[0]).toMatchObject({ party: { name: 'Jane Doe' }, text: 'Thanks, it arrived this morning' });
    expect(run.toasts).toEqual([
      'show Jane Doe — global',
      `close ${task}`,
      'show Jane Doe · RingCentral Engage Digital',
      'show Jane Doe · RingCentral Engage Digital',
    ]);
    const bodies = run.effects.flatMap((e) => (e.type === 'notify' ? [e.body] : []));
    expect(bodies).toEqual(['Incoming task · RingCentral Engage Digital', 'Are you still there?', 'Thanks, it arrived this morning']);
  });
});
