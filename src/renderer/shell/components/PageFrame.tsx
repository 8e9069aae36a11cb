/**
 * A page over the content area (main hides the vendor view meanwhile): a titled region with a
 * Close button. Its heading takes focus when it opens, so keyboard users land on it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useShell } from '../state/shell-store';

export function PageFrame({ id, title, children, actions }: { id: string; title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  const { closePage } = useShell();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="page" id={id} aria-labelledby={`${id}-title`}>
      <div class="page-head">
        <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <div class="page-actions">
          {actions}
          <button type="button" class="secondary" onClick={closePage}>
            Close
            <span class="visually-hidden"> {title.toLowerCase()}</span>
          </button>
        </div>
      </div>
      <div class="page-body">{children}</div>
    </section>
  );
}
