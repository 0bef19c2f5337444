// One small stylesheet, inline: mobile first (360 px), visible focus, AA contrast, print-friendly.
export const STYLES = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1a1a1a;background:#fff}
a{color:#0b4f8a}a:hover{color:#073763}
:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:10}
header.site{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;padding:12px 16px;background:#0b3d66;color:#fff}
header.site a{color:#fff}
.brand{font-weight:700;font-size:1.25rem;text-decoration:none}
.langs ul,.checks-nav ul{display:flex;flex-wrap:wrap;gap:12px;list-style:none;margin:0;padding:0}
.checks-nav a[aria-current]{font-weight:700}
.langs a[aria-current]{font-weight:700;text-decoration:none;border-bottom:2px solid #fff}
form.search{display:flex;flex-wrap:wrap;gap:6px;flex:1 1 100%}
form.search label{flex-basis:100%;font-size:.875rem}
form.search input{flex:1 1 12rem;min-width:0;padding:8px;font-size:1rem;border:1px solid #5a6b7b;border-radius:4px}
button{padding:8px 14px;font-size:1rem;background:#b35c00;color:#fff;border:0;border-radius:4px;cursor:pointer}
main{padding:16px;max-width:72rem;margin:0 auto}
footer.site{padding:16px;border-top:1px solid #ccd;color:#444;font-size:.875rem}
h1{font-size:1.6rem;line-height:1.25}
.badge{display:inline-block;margin-left:8px;padding:1px 8px;border-radius:10px;background:#fff3cd;color:#5c4400;font-size:.8rem;border:1px solid #c9a227}
.note{color:#555}
.badge-accredited{background:#e3f4e6;color:#1d5c2a;border-color:#3f8f4f}.badge-eur-ace{background:#e6eefa;color:#0b3d66;border-color:#0b4f8a}
.badge-excluded{background:#fbe4e4;color:#7a1212;border-color:#a4161a}.badge-under-update{background:#fff3cd;color:#5c4400}
.standing{padding:10px 14px;border-left:6px solid #a4161a;background:#fbe4e4;margin:8px 0}.standing.update{border-color:#c9a227;background:#fff8e1}
.crumbs ol{display:flex;flex-wrap:wrap;gap:4px;list-style:none;margin:0;padding:0;font-size:.9rem}.crumbs li+li::before{content:"›";margin-right:4px;color:#454f5b}
.chips{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}.chip{display:inline-block;padding:2px 10px;border:1px solid #0b4f8a;border-radius:14px;text-decoration:none}
form.find{display:flex;flex-wrap:wrap;gap:6px 10px;align-items:center}form.find input,form.find select{padding:6px;font-size:1rem;border:1px solid #5a6b7b;border-radius:4px}
.tree ul{list-style:none;padding-left:12px;margin:0}
.results{list-style:none;padding:0}.results li{padding:10px 0;border-bottom:1px solid #e3e6ea}
.meta{color:#454f5b;font-size:.9rem}
.layout{display:grid;gap:16px}
@media (max-width:47.99rem){.layout .facets{order:2}}
@media (min-width:48rem){.layout{grid-template-columns:16rem 1fr}form.search{flex:1 1 auto}form.search label{position:absolute;left:-9999px}}
.facets h2{font-size:1rem;margin:12px 0 4px}.facets ul{list-style:none;margin:0;padding:0}.facets li{padding:2px 0}
.facets a[aria-current]{font-weight:700}
dl.fields{display:grid;grid-template-columns:1fr;gap:2px 12px}dl.fields dt{font-weight:600;margin-top:6px}dl.fields dd{margin:0}dl.fields dt,dl.fields dd{overflow-wrap:anywhere}
@media (min-width:36rem){dl.fields{grid-template-columns:minmax(8rem,14rem) 1fr}dl.fields dt{margin-top:0}}
/* A long unbroken value (a token, a key, a DID) wraps rather than widening the page at 360 px. */
code{overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px;border-bottom:1px solid #dde}
.pager{display:flex;gap:16px;align-items:center}
/* account area and workspace forms */
.account{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center;margin-left:auto;font-size:.9rem}
.account p{margin:0}.account form{margin:0}.account button{padding:4px 10px;font-size:.9rem}
form.ws label,form.ws legend{display:block;font-weight:600;margin-top:10px}
form.ws input:not([type=checkbox]):not([type=radio]),form.ws select,form.ws textarea{display:block;width:100%;max-width:36rem;padding:8px;font-size:1rem;border:1px solid #5a6b7b;border-radius:4px}
form.ws fieldset{border:1px solid #ccd;margin:12px 0;padding:8px 12px}
form.ws .check{display:inline-flex;gap:6px;margin-right:16px;font-weight:400}
.field-error{color:#a4161a;margin:2px 0 0;font-weight:600}
[aria-invalid=true]{border-color:#a4161a!important;border-width:2px!important}
.error-summary{border:2px solid #a4161a;padding:8px 16px;margin:12px 0}
.actions{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start;margin:8px 0}.actions form{margin:0}
/* Tables scroll sideways on a narrow screen; record pages give them tabindex=0 so a keyboard reaches them. */
@media (max-width:48rem){table{display:block;overflow-x:auto}}
@media print{header.site,footer.site,.facets,.pager,form{display:none}a{color:#000;text-decoration:none}main{max-width:none}}
`;
