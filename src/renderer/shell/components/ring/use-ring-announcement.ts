/** What the assertive ring announcer says: the newest ring's words, set again for each new ring. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Ring } from '../../../../shared/ipc/shell-protocol';
import { ringAnnouncement } from '../../logic/ring-text';

export function useRingAnnouncement(rings: readonly Ring[]): string {
  const [text, setText] = useState('');
  const seen = useRef(new Set<string>());
  useEffect(() => {
    const fresh = rings.filter((r) => !seen.current.has(r.id));
    seen.current = new Set(rings.map((r) => r.id));
    if (fresh.length > 0) setText(ringAnnouncement(fresh.at(-1)!));
    else if (rings.length === 0) setText('');
  }, [rings]);
  return text;
}
