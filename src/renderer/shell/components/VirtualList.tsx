/**
 * A long list that renders only the rows in view (plus a few either side): rows have one fixed
 * height, so the list's full height and each row's place are arithmetic, and a 500-entry list
 * costs a screenful of DOM however often it changes. Rows carry aria-setsize / aria-posinset,
 * so assistive technology still hears "12 of 500".
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

const OVERSCAN = 8;

interface Props<T> {
  items: readonly T[];
  rowHeight: number;
  label: string;
  class?: string;
  keyOf(item: T): string;
  row(item: T, index: number): ComponentChildren;
}

export function VirtualList<T>({ items, rowHeight, label, class: cls, keyOf, row }: Props<T>) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight || 800 });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, []);
  const first = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  const shown = items.slice(first, last);
  return (
    <div class={`vlist ${cls ?? ''}`} ref={box} tabIndex={0} role="region" aria-label={label}>
      <ol class="vlist-rows" style={{ height: `${items.length * rowHeight}px` }} aria-label={label}>
        {shown.map((item, i) => (
          <li key={keyOf(item)} class="vlist-row" style={{ top: `${(first + i) * rowHeight}px`, height: `${rowHeight}px` }} aria-setsize={items.length} aria-posinset={first + i + 1}>
            {row(item, first + i)}
          </li>
        ))}
      </ol>
    </div>
  );
}
