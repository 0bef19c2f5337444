// Workspace lists: the filter bar, sortable headings, overdue dates and "waiting for you" markers.
export const LIST_STYLES = `
form.list-filters{display:flex;flex-wrap:wrap;gap:6px 12px;align-items:flex-end;margin:8px 0}
form.list-filters>div{min-width:0;max-width:100%}
form.list-filters label{display:block;font-size:.875rem;font-weight:600}
form.list-filters input,form.list-filters select{padding:6px;font-size:1rem;border:1px solid #5a6b7b;border-radius:4px;max-width:100%}
thead th a{text-decoration:none}
.overdue{color:#a4161a;font-weight:600}
.badge-pending{background:#e6eefa;color:#0b3d66;border-color:#0b4f8a;margin-left:0}
.list-summary{margin:6px 0}
.waiting li{margin:4px 0}
`;
