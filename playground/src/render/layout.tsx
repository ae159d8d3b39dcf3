/** Layout: Stack, Grid, Tabs, Page, Section, Accordion. */
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { str } from './context';
import { kids } from './node';

type P = Record<string, unknown>;
const gap = (v: unknown): string => `${Number(v ?? 3) * 4}px`;

function Stack(p: P): JSX.Element {
  const h = p.direction === 'h';
  const style = { display: 'flex', flexDirection: h ? 'row' : 'column', gap: gap(p.gap), flexWrap: p.wrap === true || (h && p.wrap !== false) ? 'wrap' : 'nowrap', alignItems: p.align === 'center' ? 'center' : undefined, justifyContent: p.justify === 'between' ? 'space-between' : (p.justify as string) || undefined };
  return <div class={p.sticky ? 'sticky' : ''} style={style}>{kids(p.children)}</div>;
}

function Grid(p: P): JSX.Element {
  return <div style={{ display: 'grid', gridTemplateColumns: `repeat(${Number(p.columns ?? 2)}, minmax(0, 1fr))`, gap: gap(p.gap) }}>{kids(p.children)}</div>;
}

function Tabs(p: P): JSX.Element {
  const tabs = (Array.isArray(p.tabs) ? p.tabs : []) as Array<{ label?: string; content?: unknown }>;
  const [active, setActive] = useState(Number(p.default_tab ?? 0));
  return (
    <div>
      <div class="tabbar">
        {tabs.map((t, i) => (
          <button type="button" key={i} class={i === active ? 'tab active' : 'tab'} onClick={() => setActive(i)}>{str(t.label)}</button>
        ))}
      </div>
      {/* Every tab stays in the page (hidden when inactive) so its content is inspectable. */}
      {tabs.map((t, i) => (
        <div key={i} class="tabpanel" data-active={i === active} style={{ display: i === active ? 'block' : 'none' }}>{kids(t.content)}</div>
      ))}
    </div>
  );
}

function Page(p: P): JSX.Element {
  return (
    <div class="page">
      {p.title ? <h1>{str(p.title)}</h1> : null}
      {p.subtitle ? <p class="muted">{str(p.subtitle)}</p> : null}
      {kids(p.children)}
    </div>
  );
}

function Section(p: P): JSX.Element {
  const [open, setOpen] = useState(true);
  return (
    <section class="section">
      {p.title || p.collapsible ? (
        <h3 onClick={() => p.collapsible && setOpen(!open)}>{p.collapsible ? (open ? '▾ ' : '▸ ') : ''}{str(p.title)}</h3>
      ) : null}
      <div style={{ display: open ? 'block' : 'none' }}>{kids(p.children)}</div>
    </section>
  );
}

function Accordion(p: P): JSX.Element {
  const sections = (Array.isArray(p.sections) ? p.sections : []) as Array<{ id?: string; title?: string; children?: unknown }>;
  return (
    <div class="accordion">
      {sections.map((s, i) => (
        <details key={s.id ?? i} open>
          <summary>{str(s.title)}</summary>
          {kids(s.children)}
        </details>
      ))}
      {p.allow_multiple ? <span class="muted small">multiple open</span> : null}
    </div>
  );
}

export const LAYOUT = { Stack, Grid, Tabs, Page, Section, Accordion };
