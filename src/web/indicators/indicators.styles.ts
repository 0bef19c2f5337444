// The indicator dashboards' styles, served in the one stylesheet (web/stylesheet.ts).
export const INDICATOR_STYLES = `
form.filters fieldset{display:grid;grid-template-columns:minmax(8rem,max-content) minmax(0,18rem);gap:6px 12px;align-items:center;border:1px solid #dde;border-radius:6px}
form.filters button{grid-column:1/-1;justify-self:start;padding:8px 16px}
figure.indicator-chart{margin:16px 0}figure.indicator-chart img{max-width:100%;height:auto;border:1px solid #dde}
table.indicator-data td{font-variant-numeric:tabular-nums}
ul.indicator-list li{margin:6px 0}ul.downloads{display:flex;flex-wrap:wrap;gap:8px 16px;list-style:none;padding:0}
`;
