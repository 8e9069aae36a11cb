/** "0:07", "1:23", "12:05": how long a call has been ringing. */
export function ringTime(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
