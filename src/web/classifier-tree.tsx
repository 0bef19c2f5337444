// The programmes of the register as a tree field → direction → group, with counts: each field
// opens the list filtered by it, directions and groups open their classifier pages.
import { entriesInForce } from '../frameworks/classifier.service.ts';
import type { Ctx } from '../platform/context.ts';
import { programmeClassifierCounts } from '../registry/programme.service.ts';
import type { Page } from './page.ts';

type Node = { code: string; count: number; children: Map<string, Node> };

function add(level: Map<string, Node>, code: string, count: number): Node {
  const node = level.get(code) ?? { code, count: 0, children: new Map() };
  node.count += count;
  level.set(code, node);
  return node;
}

export async function ClassifierTree(props: { ctx: Ctx; page: Page }) {
  const { ctx, page } = props;
  const [counts, entries] = await Promise.all([programmeClassifierCounts(ctx), entriesInForce(ctx, ['field', 'direction', 'programme-group'])]);
  const name = new Map(entries.map((e) => [`${e.classifier}:${e.code}`, page.text(e.name).text]));
  const fields = new Map<string, Node>();
  for (const c of counts) {
    const field = add(fields, c.fieldCode, c.count);
    if (!c.directionCode) continue;
    const direction = add(field.children, c.directionCode, c.count);
    if (c.groupCode) add(direction.children, c.groupCode, c.count);
  }
  const sorted = (level: Map<string, Node>) => [...level.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  const label = (classifier: string, code: string) => `${code} ${name.get(`${classifier}:${code}`) ?? ''}`.trim();
  const count = (n: number) => <span class="meta"> ({page.number(n)})</span>;
  return (
    <section class="tree">
      <h2>{page.t('ui.find.classifierTree')}</h2>
      <ul>
        {sorted(fields).map((f) => (
          <li>
            <a href={`${page.href('/programmes')}?field=${encodeURIComponent(f.code)}`}>{label('field', f.code)}</a>
            {count(f.count)}
            {f.children.size ? <ul>
              {sorted(f.children).map((d) => (
                <li>
                  <a href={page.href(`/classifiers/direction/${encodeURIComponent(d.code)}`)}>{label('direction', d.code)}</a>
                  {count(d.count)}
                  {d.children.size ? <ul>
                    {sorted(d.children).map((g) => (
                      <li>
                        <a href={page.href(`/classifiers/programme-group/${encodeURIComponent(g.code)}`)}>{label('programme-group', g.code)}</a>
                        {count(g.count)}
                      </li>
                    ))}
                  </ul> : null}
                </li>
              ))}
            </ul> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
