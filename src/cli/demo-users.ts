// The demonstration users, one per role (README lists them). Synthetic; demo mode only.
import type { Role } from '../platform/access/roles.ts';

export const DEMO_PASSWORD = 'sapa-demo-2026';

/** `organization` names the organization key the role is scoped to. */
export const DEMO_USERS: { email: string; name: string; role: Role; organization: string | null }[] = [
  { email: 'ministry@demo.sapa.kz', name: 'Айгүл Серікова (MSHE, demo)', role: 'ministry', organization: null },
  { email: 'admin@demo.sapa.kz', name: 'Ерлан Ахметов (university admin, demo)', role: 'org-admin', organization: 'satbayev-university' },
  { email: 'editor@demo.sapa.kz', name: 'Динара Омарова (programme editor, demo)', role: 'org-editor', organization: 'satbayev-university' },
  { email: 'agency@demo.sapa.kz', name: 'Марат Жұмабаев (agency coordinator, demo)', role: 'agency-staff', organization: 'kazsee' },
  { email: 'head@demo.sapa.kz', name: 'Бақыт Әлиева (agency head, demo)', role: 'agency-head', organization: 'kazsee' },
  { email: 'expert@demo.sapa.kz', name: 'Гүлнар Қасымова (expert, demo)', role: 'expert', organization: null },
  { email: 'council@demo.sapa.kz', name: 'Асқар Бекұлы (council member, demo)', role: 'council-member', organization: 'kazsee' },
  { email: 'sector@demo.sapa.kz', name: 'Нұрлан Тоқтаров (sector council, demo)', role: 'sector-council', organization: null },
  { email: 'learner@demo.sapa.kz', name: 'Әлия Нұрланқызы (learner, demo)', role: 'learner', organization: null },
];
