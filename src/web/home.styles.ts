// The home page's styles, served in the one stylesheet (web/stylesheet.ts): no page holds a <style> element.
export const HOME_STYLES = `
.home-search{display:flex;flex-wrap:wrap;gap:6px;margin:12px 0 20px}.home-search label{flex-basis:100%;font-weight:600}
.home-search input{flex:1 1 14rem;min-width:0;padding:10px;font-size:1.05rem;border:1px solid #5a6b7b;border-radius:4px}
ul.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:12px;list-style:none;padding:0}
ul.figures li{border:1px solid #dde;border-radius:6px;padding:10px 12px}
ul.entries{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:12px;list-style:none;padding:0}
ul.entries li{border-left:4px solid #0b4f8a;padding:6px 12px}ul.entries a{font-weight:600;font-size:1.05rem}ul.entries p{margin:4px 0 0}
`;
