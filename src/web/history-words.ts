// A version of a record in words: what happened and who did it, in the page language. The stored
// action (programme.include) and a system actor's label (sapa bootstrap) never reach the page.
import type { HistoryEntry } from '../platform/history/history.ts';
import type { Page } from './page.ts';

/** The last part of an action (programme.include → include), the verb a sentence is chosen by. */
const verbOf = (action: string) => action.slice(action.lastIndexOf('.') + 1);

/** Labels of Sapa's own system actors (systemActor(...) in cli/, jobs) and the words for them. */
const SYSTEM_ACTORS: Record<string, string> = {
  'sapa bootstrap': 'bootstrap',
  'sapa cli': 'cli',
  system: 'system',
  'reminders job': 'system',
  anonymous: 'anonymous',
};

export function historyAction(page: Page, entry: HistoryEntry): string {
  const verb = verbOf(entry.action);
  return page.t(`ui.portal.history.verb.${verb}`, { defaultValue: page.t('ui.portal.history.verb.changed') });
}

export function historyActor(page: Page, entry: HistoryEntry): string {
  const system = SYSTEM_ACTORS[entry.actor] ?? (entry.actor.startsWith('batch ') ? 'system' : null);
  return system ? page.t(`ui.portal.history.actor.${system}`) : entry.actor;
}
