/**
 * Synthesizes Switchboard's own ringtone into src/renderer/shell/assets/ringtone.wav
 * (`npm run -s ringtone`): nothing sampled or licensed, only arithmetic. One 2 s loop, played
 * with `loop` by the shell page (renderer/shell/state/ringtone-player.ts): two 0.4 s bursts
 * 0.2 s apart, then 1 s of quiet. A burst is 880 Hz + 1320 Hz (a fifth) with a 16 Hz tremolo,
 * the warble of a desk phone's electronic ringer, with 10 ms fades so the loop never clicks.
 * 16-bit mono PCM at 16 kHz: about 64 KB. The unit test re-renders it and compares bytes.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const RINGTONE_RATE = 16_000;
const LOOP_S = 2;
const BURSTS: ReadonlyArray<readonly [number, number]> = [
  [0, 0.4],
  [0.6, 1.0],
];
const FADE_S = 0.01;

function sample(t: number): number {
  const burst = BURSTS.find(([from, to]) => t >= from && t < to);
  if (!burst) return 0;
  const [from, to] = burst;
  const fade = Math.min(1, (t - from) / FADE_S, (to - t) / FADE_S);
  const tremolo = 0.6 + 0.4 * Math.sin(2 * Math.PI * 16 * t);
  const tone = 0.5 * Math.sin(2 * Math.PI * 880 * t) + 0.35 * Math.sin(2 * Math.PI * 1320 * t);
  return 0.8 * fade * tremolo * tone;
}

/** The WAV file's bytes: RIFF header, fmt chunk (PCM, 1 channel, 16 bit) and the data chunk. */
export function renderRingtone(): Buffer {
  const frames = RINGTONE_RATE * LOOP_S;
  const data = Buffer.alloc(frames * 2);
  for (let i = 0; i < frames; i++) data.writeInt16LE(Math.round(sample(i / RINGTONE_RATE) * 32767), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RINGTONE_RATE, 24);
  header.writeUInt32LE(RINGTONE_RATE * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

export const RINGTONE_FILE = join(dirname(fileURLToPath(import.meta.url)), '../renderer/shell/assets/ringtone.wav');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(RINGTONE_FILE, renderRingtone());
  process.stdout.write(`wrote ${RINGTONE_FILE}\n`);
}
