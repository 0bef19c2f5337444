/** What people type into the one search box: names in kk/ru/en, transliterations, code prefixes. */
export const SEARCH_QUERIES = ['информатика', 'informatika', 'педагогика', 'құқық', 'engineering', 'data analytics', '6B061', 'Алматы', 'университет', 'ветеринария'];
