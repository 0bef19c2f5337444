// The POST handlers of the case page's section forms: each runs its service in a transaction and
// redirects (303) back to the case, or re-renders the case with the form's errors.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { APPEAL_SUBJECTS, appealDecisionInputSchema } from '../../accreditation/appeal.schema.ts';
import { decideAppeal, fileAppeal, setCommission } from '../../accreditation/appeal.service.ts';
import { createCaseFollowUp, panelCoordinatorOf, scheduleCaseForCouncil } from '../../accreditation/case-workspace.service.ts';
import { addEvidence } from '../../accreditation/evidence.service.ts';
import { followUpInputSchema } from '../../accreditation/follow-up.schema.ts';
import { reviewFollowUp, submitFollowUp } from '../../accreditation/follow-up.service.ts';
import { challengeInputSchema, panelInputSchema, resolutionInputSchema } from '../../accreditation/panel.schema.ts';
import { acceptPanel, fileChallenge, resolveChallenge, setPanel } from '../../accreditation/panel.service.ts';
import { type GRADES, reportVersionInputSchema } from '../../accreditation/report.schema.ts';
import { addFactualComments, checkTemplate, createVersion } from '../../accreditation/report.service.ts';
import { startSarVersion, submitSarVersion, updateSarSection } from '../../accreditation/sar.service.ts';
import { visitInputSchema } from '../../accreditation/visit.schema.ts';
import { planVisit, signOpinion, signProtocol } from '../../accreditation/visit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import { maxUploadBytes, withFileBatch } from '../../platform/files/files.ts';
import { uploadedFile } from '../../platform/http/private-file.ts';
import type { Api, AppEnv } from '../../platform/http/env.ts';
import { writeTx } from '../../platform/http/openapi-common.ts';
import { type FormValues, formValues, formWithFile, one } from '../workspace/forms.tsx';
import { formAction, formFields } from '../form-action.ts';
import { LANG_ROUTE, langOf } from '../page.ts';
import { signInFirst } from '../workspace/workspace.page.tsx';
import { invalidForm, refusedForm, renderCasePage } from './workspace-case.page.tsx';
import { ACC, LANGS, PANEL_ROWS, UUID } from './workspace-common.tsx';

const required = (values: FormValues, ...names: string[]): FieldIssue[] =>
  names.filter((n) => !one(values, n)).map((n) => ({ path: n, messageKey: 'errors.field.required' }));

/** A section form: check the required fields, run the service in a transaction, 303 back to the case. */
/** The SAR version number of a form: a malformed one is a field error, not a failed integer cast in SQL. */
const formVersion = (v: FormValues): number => z.object({ version: z.coerce.number().int().min(1).max(1000) }).parse({ version: one(v, 'version') }).version;

function post(app: Api, path: string, form: string, fields: string[], work: (ctx: Ctx, id: string, values: FormValues) => Promise<unknown>) {
  app.post(`${LANG_ROUTE}${ACC}/cases/:id{${UUID}}/${path}`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values = await formValues(c);
    return formAction(c, {
      schema: formFields,
      input: values,
      extraIssues: required(values, ...fields),
      run: (ctx, v) => work(ctx, id, v),
      refused: (problem, status) => renderCasePage(c, id, { form, problem }, values, status),
      done: () => `/${langOf(c)}${ACC}/cases/${id}?done=${form}`,
    });
  });
}

export function registerSectionPosts(app: Api): void {
  post(app, 'sar/versions', 'sar-version', [], (ctx, id) => startSarVersion(ctx, id));
  post(app, 'sar/submit', 'sar-submit', ['version'], (ctx, id, v) => submitSarVersion(ctx, id, formVersion(v)));
  app.post(`${LANG_ROUTE}${ACC}/cases/:id{${UUID}}/sar/sections`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values = await formValues(c);
    const code = one(values, 'code');
    const form = `sar-${code}`;
    // Section texts keep their line breaks: only the ends are trimmed.
    const text = Object.fromEntries(LANGS.map((l) => [l, one(values, l)]));
    return formAction(c, {
      schema: formFields,
      input: values,
      run: (ctx) => updateSarSection(ctx, id, formVersion(values), code, text),
      refused: (problem, status) => renderCasePage(c, id, { form, problem }, values, status),
      done: () => `/${langOf(c)}${ACC}/cases/${id}?done=sar`,
    });
  });
  // An oversized upload is refused from its length, before the body is read into memory.
  app.use(`${LANG_ROUTE}${ACC}/cases/:id{${UUID}}/sar/evidence`, (c, next) =>
    bodyLimit({
      maxSize: maxUploadBytes() + 64 * 1024,
      onError: (cx) =>
        invalidForm(cx as Context<AppEnv>, c.req.param('id') ?? '', 'evidence', {}, [
          { path: 'file', messageKey: 'errors.documents.fileTooLarge', params: { maxMb: Math.round((maxUploadBytes() / 1048576) * 10) / 10 } },
        ]),
    })(c, next),
  );
  app.post(`${LANG_ROUTE}${ACC}/cases/:id{${UUID}}/sar/evidence`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const { values, file } = await formWithFile(c);
    if (!file) return invalidForm(c, id, 'evidence', values, [{ path: 'file', messageKey: 'errors.field.required' }]);
    const upload = {
      ...(await uploadedFile(file)),
      section: one(values, 'section') || undefined,
      title: one(values, 'title') || undefined,
    };
    try {
      await withFileBatch((batch) => writeTx(c, (ctx) => addEvidence(ctx, id, formVersion(values), upload, batch)));
    } catch (error) {
      return refusedForm(c, id, 'evidence', values, error);
    }
    return c.redirect(`/${langOf(c)}${ACC}/cases/${id}?done=evidence`, 303);
  });
  post(app, 'panel/challenges', 'challenge', ['memberId', 'reason'], (ctx, id, v) =>
    fileChallenge(ctx, id, challengeInputSchema.parse({ memberId: one(v, 'memberId'), reason: one(v, 'reason') })),
  );
  app.post(`${LANG_ROUTE}${ACC}/cases/:id{${UUID}}/panel`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values = await formValues(c);
    // A seat's written justification seats an expert despite a conflict of interest (audited by the service).
    const members = Array.from({ length: PANEL_ROWS }, (_, i) => ({
      expertId: one(values, `expert.${i}`),
      role: one(values, `role.${i}`) || 'member',
      ...(one(values, `override.${i}`) ? { overrideJustification: one(values, `override.${i}`) } : {}),
    })).filter((m) => m.expertId);
    // Keep the coordinator the panel already has: this form seats the experts.
    const coordinator = await panelCoordinatorOf(c.get('ctx'), id);
    return formAction(c, {
      schema: panelInputSchema,
      input: { members: [...members, ...(coordinator ? [{ userId: coordinator, role: 'coordinator' }] : [])] },
      run: (ctx, input) => setPanel(ctx, id, input),
      refused: (problem, status) => renderCasePage(c, id, { form: 'panel', problem }, values, status),
      done: () => `/${langOf(c)}${ACC}/cases/${id}?done=panel`,
    });
  });
  app.post(`${LANG_ROUTE}${ACC}/cases/:id{${UUID}}/panel/challenges/:challenge{${UUID}}`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const challengeId = c.req.param('challenge');
    const values = await formValues(c);
    const form = `resolve-${challengeId}`;
    const decision = one(values, 'decision');
    const input =
      decision === 'replace'
        ? { decision, replacement: { expertId: one(values, 'expertId') }, comment: one(values, 'comment') || undefined }
        : { decision, comment: one(values, 'comment') };
    return formAction(c, {
      schema: resolutionInputSchema,
      input,
      run: (ctx, input) => resolveChallenge(ctx, id, challengeId, input),
      refused: (problem, status) => renderCasePage(c, id, { form, problem }, values, status),
      done: () => `/${langOf(c)}${ACC}/cases/${id}?done=challenge`,
    });
  });
  post(app, 'follow-ups', 'follow-up', ['kind', 'title', 'dueOn'], async (ctx, id, v) => {
    const input = followUpInputSchema.parse({ kind: one(v, 'kind'), title: one(v, 'title'), dueOn: one(v, 'dueOn') });
    return createCaseFollowUp(ctx, id, input);
  });
  app.post(`${LANG_ROUTE}${ACC}/cases/:id{${UUID}}/follow-ups/:item{${UUID}}`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const itemId = c.req.param('item');
    const form = `follow-up-${itemId}`;
    const values = await formValues(c);
    const result = one(values, 'result');
    if (!result && !one(values, 'text')) return invalidForm(c, id, form, values, [{ path: 'text', messageKey: 'errors.field.required' }]);
    try {
      await writeTx(c, (ctx) =>
        result
          ? reviewFollowUp(ctx, itemId, { result: result === 'returned' ? 'returned' : 'accepted', comment: one(values, 'comment') || undefined })
          : submitFollowUp(ctx, itemId, { text: one(values, 'text') }),
      );
    } catch (error) {
      return refusedForm(c, id, form, values, error);
    }
    return c.redirect(`/${langOf(c)}${ACC}/cases/${id}?done=follow-up`, 303);
  });
  post(app, 'panel/acceptance', 'acceptance', ['letter'], (ctx, id, v) => acceptPanel(ctx, id, one(v, 'letter')));
  post(app, 'visit/opinions', 'opinion', ['text'], (ctx, id, v) => signOpinion(ctx, id, one(v, 'text')));
  post(app, 'visit/protocol', 'protocol', ['text'], (ctx, id, v) => signProtocol(ctx, id, one(v, 'text')));
  post(app, 'visit/plan', 'visit', ['mode', 'startsOn', 'endsOn'], (ctx, id, v) =>
    planVisit(ctx, id, visitInputSchema.parse({ mode: one(v, 'mode'), startsOn: one(v, 'startsOn'), endsOn: one(v, 'endsOn') })),
  );
  app.post(`${LANG_ROUTE}${ACC}/cases/:id{${UUID}}/report/versions`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const values = await formValues(c);
    const codes = Object.keys(values)
      .filter((k) => k.startsWith('grade.'))
      .map((k) => k.slice('grade.'.length));
    const missing = codes
      .filter((code) => !one(values, `grade.${code}`))
      .map((code): FieldIssue => ({ path: `grade.${code}`, messageKey: 'errors.field.required' }));
    if (missing.length) return invalidForm(c, id, 'report', values, missing);
    const opt = (name: string) => one(values, name) || undefined;
    const grades = codes.map((code) => ({
      standardCode: code,
      grade: one(values, `grade.${code}`) as (typeof GRADES)[number],
      findings: opt(`findings.${code}`),
      recommendations: opt(`recommendations.${code}`),
    }));
    return formAction(c, {
      schema: formFields,
      input: values,
      run: (ctx) => createVersion(ctx, id, reportVersionInputSchema.parse({ summary: opt('summary'), grades })),
      refused: (problem, status) => renderCasePage(c, id, { form: 'report', problem }, values, status),
      done: () => `/${langOf(c)}${ACC}/cases/${id}?done=report`,
    });
  });
  post(app, 'appeals', 'appeal', ['subject', 'signedBy', 'documentRef', 'grounds'], (ctx, id, v) => {
    const subject = one(v, 'subject') as (typeof APPEAL_SUBJECTS)[number];
    const kind = (APPEAL_SUBJECTS as readonly string[]).includes(subject) ? 'appeal' : 'complaint';
    return fileAppeal(ctx, {
      caseId: id,
      kind,
      subject,
      form: 'written',
      signedBy: one(v, 'signedBy'),
      documentRef: one(v, 'documentRef'),
      grounds: one(v, 'grounds'),
    });
  });
  app.post(`${LANG_ROUTE}${ACC}/cases/:id{${UUID}}/appeals/:appeal{${UUID}}`, async (c) => {
    const away = signInFirst(c);
    if (away) return away;
    const id = c.req.param('id');
    const appealId = c.req.param('appeal');
    const form = `appeal-${appealId}`;
    const values = await formValues(c);
    // One commission member per line: "name — role" (or just the name).
    const commission = one(values, 'commission')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [name, role] = line.split(/\s+[—-]\s+/);
        return { name: (name ?? line).trim(), role: (role ?? 'member').trim() };
      });
    const missing = required(values, 'outcome', 'reason');
    if (missing.length) return invalidForm(c, id, form, values, missing);
    return formAction(c, {
      schema: formFields,
      input: values,
      run: async (ctx) => {
        if (commission.length) await setCommission(ctx, appealId, commission);
        return decideAppeal(ctx, appealId, appealDecisionInputSchema.parse({ outcome: one(values, 'outcome'), reason: one(values, 'reason') }));
      },
      refused: (problem, status) => renderCasePage(c, id, { form, problem }, values, status),
      done: () => `/${langOf(c)}${ACC}/cases/${id}?done=appeal`,
    });
  });
  post(app, 'report/factual-comments', 'factual', ['text'], (ctx, id, v) => addFactualComments(ctx, id, one(v, 'text')));
  post(app, 'report/template-check', 'template', ['result'], (ctx, id, v) =>
    checkTemplate(ctx, id, { result: one(v, 'result') === 'return' ? 'return' : 'pass', comments: one(v, 'comments') || undefined }),
  );
  post(app, 'council', 'meeting', ['meetsOn', 'proposedOutcome'], (ctx, id, v) => {
    const term = Number(one(v, 'proposedTermYears'));
    return scheduleCaseForCouncil(ctx, id, {
      meetsOn: one(v, 'meetsOn'),
      agenda: [
        {
          caseId: id,
          proposedOutcome: one(v, 'proposedOutcome') === 'refused' ? 'refused' : 'accredited',
          proposedTermYears: [1, 3, 5, 7].includes(term) ? (term as 1 | 3 | 5 | 7) : null,
        },
      ],
    });
  });
}
