/** Display: Text, Icon, Header, Image, Code, Markdown, Empty, Divider, Html, Video, Audio. */
import { useContext } from 'preact/hooks';
import type { JSX } from 'preact';
import { HostContext, isAction, str, type WireAction } from './context';
import { Markdown as Md } from './markdown';

type P = Record<string, unknown>;

function Text(p: P): JSX.Element {
  return <span class={`text v-${str(p.variant)}${p.truncate ? ' truncate' : ''}`}>{str(p.content)}</span>;
}

function Icon(p: P): JSX.Element {
  return <span class="iconpill" style={{ color: str(p.color) || undefined }} title={`${str(p.name)} (${str(p.size)}px)`}>⟨{str(p.name)}⟩</span>;
}

function Header(p: P): JSX.Element {
  const H = `h${Math.min(Math.max(Number(p.level ?? 2), 1), 6)}` as 'h2';
  return <div><H>{str(p.text)}</H>{p.subtitle ? <div class="muted">{str(p.subtitle)}</div> : null}</div>;
}

function Image(p: P): JSX.Element {
  const host = useContext(HostContext);
  return (
    <figure>
      <img src={str(p.src)} alt={str(p.alt)} style={{ width: str(p.width) || undefined, height: str(p.height) || undefined, objectFit: (str(p.object_fit) || undefined) as 'cover', maxWidth: '100%' }} onClick={() => isAction(p.on_click) && host.act(p.on_click as WireAction)} />
      <figcaption class="small muted">{str(p.caption)}{p.alt ? ` (alt: ${str(p.alt)})` : ''} <span class="src">{str(p.src)}</span></figcaption>
    </figure>
  );
}

function Code(p: P): JSX.Element {
  const lines = str(p.content).split('\n');
  return (
    <div>
      {p.language ? <div class="small muted">{str(p.language)}</div> : null}
      <pre class="code">{p.line_numbers ? lines.map((l, i) => `${String(i + 1).padStart(3)}  ${l}`).join('\n') : str(p.content)}</pre>
    </div>
  );
}

function Markdown(p: P): JSX.Element {
  return <Md text={str(p.content)} />;
}

function Empty(p: P): JSX.Element {
  const host = useContext(HostContext);
  const a = p.action as WireAction | undefined;
  return (
    <div class="empty">
      {p.icon ? <span class="iconpill">⟨{str(p.icon)}⟩</span> : null} {str(p.message)}
      {isAction(a) ? <button type="button" class="btn sm" onClick={() => host.act(a)}>{str(a.label) || actionLabel(a)}</button> : null}
    </div>
  );
}

/** A short label for an action button with no label of its own. */
export function actionLabel(a: WireAction): string {
  return a.action === 'call' ? `Run ${str(a.function)}` : a.action === 'open' ? 'Open' : a.action === 'navigate' ? `Go to ${str(a.path)}` : a.action === 'send' ? 'Send' : a.action;
}

function Divider(p: P): JSX.Element {
  return <div class="divider">{p.label ? <span>{str(p.label)}</span> : null}</div>;
}

function Html(p: P): JSX.Element {
  // Always sandboxed in the playground (no scripts), whatever `sandbox` says.
  return (
    <div>
      <iframe class="html" sandbox="" srcdoc={str(p.content)} style={{ maxHeight: Number(p.max_height) > 0 ? `${str(p.max_height)}px` : undefined, background: p.theme === 'light' ? '#fff' : undefined }} title="Html" />
      <div class="small muted">Html{p.sandbox === false ? ' (unsandboxed on the platform)' : ' (sandboxed)'}{p.theme !== undefined ? `, theme ${str(p.theme) || '(none)'}` : ''}</div>
    </div>
  );
}

function Video(p: P): JSX.Element {
  return (
    <figure>
      <video src={str(p.src)} poster={str(p.poster) || undefined} controls={p.controls !== false} loop={!!p.loop} muted={!!p.muted} style={{ maxWidth: '100%', width: str(p.width) || undefined }} />
      <figcaption class="small muted">{str(p.title)} <span class="src">{str(p.src)}</span></figcaption>
    </figure>
  );
}

function Audio(p: P): JSX.Element {
  return (
    <figure>
      <audio src={str(p.src)} controls={p.controls !== false} loop={!!p.loop} />
      <figcaption class="small muted">{str(p.title)} <span class="src">{str(p.src)}</span></figcaption>
    </figure>
  );
}

export const DISPLAY = { Text, Icon, Header, Image, Code, Markdown, Empty, Divider, Html, Video, Audio };
