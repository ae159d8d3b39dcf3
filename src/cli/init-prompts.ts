/**
 * The questions `imperal init` asks on a terminal, with `@clack/prompts`. Only
 * this module imports the prompt library, and `init` imports this module only
 * when it is about to ask, so every other command (and `--version`, `--help`,
 * a scripted `init`) never loads it.
 *
 * `@clack/prompts` and its dependencies are bundled into this module's chunk of
 * the CLI (see tsup.config.ts), so the package installs none of them.
 *
 * @module
 */
/*! Bundled into this chunk, each under the MIT License:
 *  @clack/prompts, @clack/core — Copyright (c) 2025-Present Bombshell contributors (https://bomb.sh/team)
 *  sisteransi — Copyright (c) 2018 Terkel Gjervig Nielsen
 *  fast-wrap-ansi — Copyright (c) 2025 James Garbutt
 *  fast-string-width, fast-string-truncated-width — Copyright (c) 2024-present Fabio Spampinato
 *
 *  Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
 *  associated documentation files (the "Software"), to deal in the Software without restriction,
 *  including without limitation the rights to use, copy, modify, merge, publish, distribute,
 *  sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
 *  furnished to do so, subject to the following conditions: The above copyright notice and this
 *  permission notice shall be included in all copies or substantial portions of the Software.
 *  THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
 *  NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
 *  NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
 *  DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 *  OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 */
import { cancel, confirm, intro, isCancel, outro, select, text } from '@clack/prompts';
import { TEMPLATE_HINTS, TEMPLATES, type TemplateName } from './choices.js';
import { titleOf } from './scaffold.js';

/** Every answer, once the user has given them all. */
export interface InitAnswers {
  readonly template: TemplateName;
  /** The app id, which also names the folder when the argument does not. */
  readonly appId: string;
  readonly displayName: string;
  readonly install: boolean;
}

/** What the argument and the flags already say; each `undefined` field is asked for. */
export type KnownAnswers = { readonly [K in keyof InitAnswers]?: InitAnswers[K] | undefined };

/** The checks of a typed answer; each returns the problem to show, or `undefined` when the answer is fine. */
export interface AnswerChecks {
  /** Checks an app id (also the folder it names). */
  appId(appId: string): string | undefined;
  /** Checks a display name for `appId`. */
  displayName(displayName: string, appId: string): string | undefined;
}

/** Thrown inside {@link askInit} when a prompt is cancelled. */
class Cancelled extends Error {}

/** The answer, or {@link Cancelled} when the user pressed Ctrl-C or Escape. */
function answered<T>(value: T): Exclude<T, symbol> {
  if (isCancel(value)) throw new Cancelled();
  return value as Exclude<T, symbol>;
}

/**
 * Asks for the template, the app id, the display name and whether to install,
 * skipping whatever `known` holds; answers are checked as they are typed (the
 * prompt stays open until the check passes). Returns `undefined` when the user
 * cancels (after printing "Cancelled").
 */
export async function askInit(known: KnownAnswers, checks: AnswerChecks): Promise<InitAnswers | undefined> {
  intro('imperal init');
  try {
    const template =
      known.template ??
      answered(
        await select<TemplateName>({
          message: 'Which template?',
          options: TEMPLATES.map((value) => ({ value, label: value, hint: TEMPLATE_HINTS[value] })),
          initialValue: 'chat',
        }),
      );
    const appId =
      known.appId ??
      answered(
        await text({
          message: 'App id (also the project folder)',
          placeholder: 'my-extension',
          validate: (value) => checks.appId(value?.trim() ?? ''),
        }),
      ).trim();
    const derived = titleOf(appId);
    const displayName =
      known.displayName ??
      answered(
        await text({
          message: 'Display name',
          placeholder: derived,
          defaultValue: derived,
          // An empty answer takes the default, which is what gets checked then.
          validate: (value) => checks.displayName(value?.trim() || derived, appId),
        }),
      ).trim();
    const install = known.install ?? answered(await confirm({ message: 'Install dependencies now?', initialValue: true }));
    outro('Writing the project…');
    return { template, appId, displayName, install };
  } catch (error) {
    if (!(error instanceof Cancelled)) throw error;
    cancel('Cancelled');
    return undefined;
  }
}
