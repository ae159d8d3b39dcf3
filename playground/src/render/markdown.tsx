/** A small, safe Markdown renderer (headings, lists, code, bold, italic, links); never injects HTML. */
import type { JSX } from 'preact';

function inline(text: string): Array<string | JSX.Element> {
  const out: Array<string | JSX.Element> = [];
  const re = /(\*\*[^*]+\*\*|\*[^*]+\*|_[^_]+_|`[^`]+`|\[[^\]]+\]\([^)]+\))/g;
  let last = 0;
  let m: RegExpExecArray | null;
  let k = 0;
  while ((m = re.exec(text))) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const t = m[0];
    if (t.startsWith('**')) out.push(<b key={k++}>{t.slice(2, -2)}</b>);
    else if (t.startsWith('`')) out.push(<code key={k++}>{t.slice(1, -1)}</code>);
    else if (t.startsWith('[')) {
      const [, label, href] = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(t) ?? [];
      out.push(<a key={k++} href={/^https?:/.test(href ?? '') ? href : '#'} target="_blank" rel="noreferrer">{label}</a>);
    } else out.push(<i key={k++}>{t.slice(1, -1)}</i>);
    last = m.index + t.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Renders Markdown text. */
export function Markdown({ text }: { text: string }): JSX.Element {
  const blocks: JSX.Element[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('```')) {
      const code: string[] = [];
      while (++i < lines.length && !(lines[i] ?? '').startsWith('```')) code.push(lines[i] ?? '');
      blocks.push(<pre key={i}>{code.join('\n')}</pre>);
    } else if (/^#{1,6} /.test(line)) {
      const level = /^#+/.exec(line)![0].length;
      const H = `h${Math.min(level + 2, 6)}` as 'h3';
      blocks.push(<H key={i}>{inline(line.replace(/^#+ /, ''))}</H>);
    } else if (/^\s*([-*]|\d+\.) /.test(line)) {
      const items: string[] = [];
      while (i < lines.length && /^\s*([-*]|\d+\.) /.test(lines[i] ?? '')) items.push((lines[i++] ?? '').replace(/^\s*([-*]|\d+\.) /, ''));
      i--;
      blocks.push(<ul key={i}>{items.map((it, j) => <li key={j}>{inline(it)}</li>)}</ul>);
    } else if (line.trim()) blocks.push(<p key={i}>{inline(line)}</p>);
  }
  return <div class="md">{blocks}</div>;
}
