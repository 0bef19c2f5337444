import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type PanelCandidate, panelViolations } from './panel-rules.ts';

const TODAY = '2026-06-01';
let n = 0;
function expert(
  category: 'academic' | 'employer' | 'student' | 'foreign',
  over: Partial<NonNullable<PanelCandidate['expert']>> = {},
  role: PanelCandidate['role'] = 'member',
): PanelCandidate {
  n += 1;
  return {
    name: `E${n}`,
    role,
    expert: {
      id: `e${n}`,
      category,
      degree: category === 'academic' ? 'phd' : 'none',
      experience: 1,
      certifiedOn: '2025-01-01',
      certificationExpiresOn: '2028-01-01',
      excluded: false,
      declarations: { conflictOfInterest: '2025-01-01', confidentiality: '2025-01-01', codeOfEthics: '2025-01-01' },
      ...over,
    },
  };
}
const coordinator = (): PanelCandidate => ({ name: 'Coordinator', role: 'coordinator', expert: null });

function programmePanel(): PanelCandidate[] {
  return [expert('academic', { experience: 9 }, 'chair'), expert('academic'), expert('academic'), expert('employer'), expert('student')];
}
const codes = (v: { code: string }[]) => v.map((x) => x.code).sort();

describe('panel rules', () => {
  test('accepts a programme panel of three academics with degrees, an employer, a student and a chair', () => {
    assert.deepEqual(panelViolations('programme', programmePanel(), TODAY), []);
  });

  test('accepts an institutional panel that adds a foreign expert and the coordinator', () => {
    assert.deepEqual(panelViolations('institutional', [...programmePanel(), expert('foreign'), coordinator()], TODAY), []);
  });

  test('refuses a panel with only two academics with a degree', () => {
    const panel = programmePanel();
    panel[2] = expert('academic', { degree: 'none' });
    const v = panelViolations('programme', panel, TODAY);
    assert.deepEqual(codes(v), ['academics']);
    assert.equal(v[0]?.params.actual, 2);
  });

  test('refuses a panel without an employer', () => {
    assert.deepEqual(
      codes(
        panelViolations(
          'programme',
          programmePanel().filter((m) => m.expert?.category !== 'employer'),
          TODAY,
        ),
      ),
      ['employer'],
    );
  });

  test('refuses a panel without a student member', () => {
    assert.deepEqual(
      codes(
        panelViolations(
          'programme',
          programmePanel().filter((m) => m.expert?.category !== 'student'),
          TODAY,
        ),
      ),
      ['student'],
    );
  });

  test('refuses an institutional panel without a foreign expert', () => {
    assert.deepEqual(codes(panelViolations('institutional', [...programmePanel(), coordinator()], TODAY)), ['foreign']);
  });

  test('refuses an institutional panel without the coordinator', () => {
    assert.deepEqual(codes(panelViolations('institutional', [...programmePanel(), expert('foreign')], TODAY)), ['coordinator']);
  });

  test('refuses a panel without a chair and one with two chairs', () => {
    const none = programmePanel().map((m) => ({ ...m, role: 'member' as const }));
    assert.deepEqual(codes(panelViolations('programme', none, TODAY)), ['chairCount']);
    const two = programmePanel();
    two[1] = { ...(two[1] as PanelCandidate), role: 'chair' };
    assert.deepEqual(codes(panelViolations('programme', two, TODAY)), ['chairCount']);
  });

  test('refuses a chair who is not the academic with the most accreditation experience', () => {
    const panel = programmePanel();
    panel[1] = expert('academic', { experience: 12 });
    const v = panelViolations('programme', panel, TODAY);
    assert.deepEqual(codes(v), ['chairNotMostExperienced']);
    assert.equal(v[0]?.params.most, 12);
  });

  test('refuses a chair who is not an academic', () => {
    const panel = [expert('academic'), expert('academic'), expert('academic'), expert('employer', {}, 'chair'), expert('student')];
    assert.deepEqual(codes(panelViolations('programme', panel, TODAY)), ['chairNotAcademic']);
  });

  test('refuses an expert whose certification expired, one never certified, an excluded one and one with unsigned declarations', () => {
    const expired = programmePanel();
    expired[3] = expert('employer', { certificationExpiresOn: '2026-05-31' });
    assert.deepEqual(codes(panelViolations('programme', expired, TODAY)), ['certificationExpired']);
    const uncertified = programmePanel();
    uncertified[3] = expert('employer', { certifiedOn: null });
    assert.deepEqual(codes(panelViolations('programme', uncertified, TODAY)), ['notCertified']);
    const excluded = programmePanel();
    excluded[4] = expert('student', { excluded: true });
    assert.deepEqual(codes(panelViolations('programme', excluded, TODAY)), ['excluded']);
    const unsigned = programmePanel();
    unsigned[4] = expert('student', { declarations: { conflictOfInterest: '2025-01-01' } });
    const v = panelViolations('programme', unsigned, TODAY);
    assert.deepEqual(codes(v), ['declarationsUnsigned']);
    assert.equal(v[0]?.params.declarations, 'confidentiality, codeOfEthics');
    assert.equal(v[0]?.member, 4);
  });

  test('refuses the same expert twice and a foreign role held by a domestic expert', () => {
    const panel = programmePanel();
    const dup = [...panel, panel[3] as PanelCandidate];
    assert.deepEqual(codes(panelViolations('programme', dup, TODAY)), ['duplicate']);
    const foreign = [...programmePanel(), expert('academic', {}, 'foreign')];
    assert.deepEqual(codes(panelViolations('programme', foreign, TODAY)), ['foreignRole']);
  });

  test('lists every broken rule at once for an empty institutional panel and for a bad one', () => {
    assert.deepEqual(codes(panelViolations('institutional', [], TODAY)), ['academics', 'chairCount', 'coordinator', 'employer', 'foreign', 'student']);
    const bad = [expert('academic', { degree: 'none', excluded: true }, 'chair'), expert('student', { certifiedOn: null })];
    assert.deepEqual(codes(panelViolations('institutional', bad, TODAY)), [
      'academics',
      'chairNotAcademic',
      'coordinator',
      'employer',
      'excluded',
      'foreign',
      'notCertified',
    ]);
  });
});
