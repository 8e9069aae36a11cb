/** The shipped ringtone is exactly what the generator makes (npm run -s ringtone): no foreign audio in the repo. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRingtone, RINGTONE_FILE, RINGTONE_RATE } from '../../../src/cli/make-ringtone';

describe('the ringtone file', () => {
  it('is the synthesized loop, a 16-bit mono PCM WAV', () => {
    const file = readFileSync(RINGTONE_FILE);
    expect(file.equals(renderRingtone())).toBe(true);
    expect(file.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(file.readUInt32LE(24)).toBe(RINGTONE_RATE);
    expect(file.readUInt16LE(34)).toBe(16);
  });
});
