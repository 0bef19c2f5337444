// Experts, panels, challenges, visits, reports and council API. Thin: parse,
// open the transaction, call the service.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { dateSchema, idParam, jsonContent, listOf, paginationQuery, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { jsonBody, validBody, validId } from '../platform/http/record-routes.ts';
import * as council from './council.service.ts';
import {
  affiliationInputSchema,
  agendaItemInputSchema,
  declarationInputSchema,
  meetingInputSchema,
  meetingSchema,
  meetingStatusInputSchema,
  tallySchema,
  voteInputSchema,
} from './council.schema.ts';
import { EXPERT_CATEGORIES } from './panel-rules.ts';
import { exclusionInputSchema, expertDetailSchema, expertInputSchema, expertPatchSchema, expertSchema, ratingInputSchema } from './experts.schema.ts';
import * as experts from './experts.service.ts';
import {
  acceptanceInputSchema,
  challengeInputSchema,
  challengeSchema,
  conflictSchema,
  panelInputSchema,
  panelSchema,
  resolutionInputSchema,
  seminarInputSchema,
} from './panel.schema.ts';
import * as panel from './panel.service.ts';
import { dissentInputSchema, factualCommentsInputSchema, reportSchema, reportVersionInputSchema, templateCheckInputSchema } from './report.schema.ts';
import * as report from './report.service.ts';
import { signedTextSchema, visitInputSchema, visitSchema } from './visit.schema.ts';
import * as visit from './visit.service.ts';

const security = [{ bearer: [] }];
const base = '/api/accreditation';
const caseParam = idParam;
const challengeParam = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
  challengeId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'challengeId', in: 'path' } }),
});

export function registerPanelRoutes(app: Api): void {
  registerExpertRoutes(app);
  registerCasePanelRoutes(app);
  registerVisitAndReportRoutes(app);
  registerCouncilRoutes(app);
}

function registerExpertRoutes(app: Api): void {
  const tags = ['Experts'];
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/experts`,
      tags,
      summary: "The experts database of the bodies you manage (agency staff and head: 'expert.manage')",
      security,
      request: {
        query: z.object({
          body: z.string().uuid().optional(),
          category: z.enum(EXPERT_CATEGORIES).optional(),
          field: z.string().optional(),
          language: z.string().optional(),
          name: z.string().max(200).optional(),
          availableOn: dateSchema.optional().openapi({ description: 'Only experts certified on that day and not excluded' }),
          ...paginationQuery,
        }),
      },
      responses: { 200: jsonContent(listOf(expertSchema, 'ExpertList'), 'Experts'), ...writeErrorResponses },
    }),
    async (c) => c.json(await experts.listExperts(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/experts`,
      tags,
      summary: 'Add an expert to a body’s database',
      security,
      request: jsonBody(expertInputSchema),
      responses: { 201: jsonContent(expertSchema, 'Created'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => experts.createExpert(ctx, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/experts/{id}`,
      tags,
      summary: 'One expert with affiliations, declarations, panel history and ratings (the body, or the expert themself)',
      security,
      request: { params: idParam },
      responses: { 200: jsonContent(expertDetailSchema, 'The expert'), ...writeErrorResponses },
    }),
    async (c) => c.json(await experts.getExpert(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: `${base}/experts/{id}`,
      tags,
      summary: 'Edit an expert (certification, training, declarations, history)',
      security,
      request: { params: idParam, ...jsonBody(expertPatchSchema) },
      responses: { 200: jsonContent(expertSchema, 'Updated'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => experts.updateExpert(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/experts/{id}/exclusion`,
      tags,
      summary: 'Exclude an expert from the database, with the reason',
      security,
      request: { params: idParam, ...jsonBody(exclusionInputSchema) },
      responses: { 200: jsonContent(expertSchema, 'Excluded'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => experts.excludeExpert(ctx, c.req.valid('param').id, c.req.valid('json').reason)), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: `${base}/experts/{id}/exclusion`,
      tags,
      summary: 'Reinstate an excluded expert',
      security,
      request: { params: idParam },
      responses: { 200: jsonContent(expertSchema, 'Reinstated'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => experts.excludeExpert(ctx, c.req.valid('param').id, null)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/experts/{id}/ratings`,
      tags,
      summary: "A coordinator's rating of an expert's work on a case",
      security,
      request: { params: idParam, ...jsonBody(ratingInputSchema) },
      responses: { 201: jsonContent(expertDetailSchema, 'Rated'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => experts.rateExpert(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );
}

function registerCasePanelRoutes(app: Api): void {
  const tags = ['Panels'];
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/cases/{id}/panel`,
      tags,
      summary: 'The panel of a case (the body, the applicant organization, its panel members, the ministry)',
      security,
      request: { params: caseParam },
      responses: { 200: jsonContent(panelSchema, 'The panel'), ...writeErrorResponses },
    }),
    async (c) => c.json(await panel.readPanel(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: `${base}/cases/{id}/panel`,
      tags,
      summary: 'Form or change the panel; 422 lists every broken composition rule and every unjustified conflict of interest',
      security,
      request: { params: caseParam, ...jsonBody(panelInputSchema) },
      responses: { 200: jsonContent(panelSchema, 'The panel'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => panel.setPanel(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/cases/{id}/panel/conflicts`,
      tags,
      summary: 'Computed and declared conflicts of an expert with the case’s organization (the body)',
      security,
      request: { params: caseParam, query: z.object({ expertId: z.string().uuid() }) },
      responses: { 200: jsonContent(z.object({ items: z.array(conflictSchema) }), 'Conflicts'), ...writeErrorResponses },
    }),
    async (c) => c.json({ items: await panel.previewConflicts(c.get('ctx'), c.req.valid('param').id, c.req.valid('query').expertId) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/cases/{id}/panel/acceptance`,
      tags,
      summary: 'The organization accepts the panel in writing (no open challenges)',
      security,
      request: { params: caseParam, ...jsonBody(acceptanceInputSchema) },
      responses: { 200: jsonContent(panelSchema, 'Accepted'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => panel.acceptPanel(ctx, c.req.valid('param').id, c.req.valid('json').letter)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/cases/{id}/seminars`,
      tags,
      summary: 'Record a self-assessment seminar run for the organization (a source of conflicts of interest)',
      security,
      request: { params: caseParam, ...jsonBody(seminarInputSchema) },
      responses: { 201: jsonContent(z.object({ id: z.string() }).passthrough(), 'Recorded'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => panel.recordSeminar(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/cases/{id}/challenges`,
      tags,
      summary: "The organization's challenges of panel members and how they were resolved",
      security,
      request: { params: caseParam },
      responses: { 200: jsonContent(listOf(challengeSchema, 'ChallengeList'), 'Challenges'), ...writeErrorResponses },
    }),
    async (c) => c.json(await panel.listChallenges(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/cases/{id}/challenges`,
      tags,
      summary: 'The organization challenges a panel member in writing (reason required)',
      security,
      request: { params: caseParam, ...jsonBody(challengeInputSchema) },
      responses: { 201: jsonContent(challengeSchema, 'Filed'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => panel.fileChallenge(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/cases/{id}/challenges/{challengeId}/resolution`,
      tags,
      summary: 'The coordinator replaces the challenged member (re-checked) or rejects the challenge with reasons',
      security,
      request: { params: challengeParam, ...jsonBody(resolutionInputSchema) },
      responses: { 200: jsonContent(challengeSchema, 'Resolved'), ...writeErrorResponses },
    }),
    async (c) => {
      const { id, challengeId } = c.req.valid('param');
      return c.json(await writeTx(c, (ctx) => panel.resolveChallenge(ctx, id, challengeId, c.req.valid('json'))), 200);
    },
  );
}

function registerVisitAndReportRoutes(app: Api): void {
  const tags = ['Visits and reports'];
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/cases/{id}/visit`,
      tags,
      summary: 'The visit plan, interview groups, protocol (and, for the body and panel, the individual opinions)',
      security,
      request: { params: caseParam },
      responses: { 200: jsonContent(visitSchema, 'The visit'), ...writeErrorResponses },
    }),
    async (c) => c.json(await visit.getVisit(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: `${base}/cases/{id}/visit`,
      tags,
      summary: 'Plan the visit: on-site, online or hybrid, at least 2 days (422 otherwise), schedule and interview groups',
      security,
      request: { params: caseParam, ...jsonBody(visitInputSchema) },
      responses: { 200: jsonContent(visitSchema, 'Planned'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => visit.planVisit(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/cases/{id}/visit/opinions`,
      tags,
      summary: 'A panel member signs their individual opinion (once)',
      security,
      request: { params: caseParam, ...jsonBody(signedTextSchema) },
      responses: { 201: jsonContent(visitSchema, 'Signed'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => visit.signOpinion(ctx, c.req.valid('param').id, c.req.valid('json').text)), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/cases/{id}/visit/protocol`,
      tags,
      summary: 'The chair signs the visit protocol',
      security,
      request: { params: caseParam, ...jsonBody(signedTextSchema) },
      responses: { 200: jsonContent(visitSchema, 'Signed'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => visit.signProtocol(ctx, c.req.valid('param').id, c.req.valid('json').text)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/cases/{id}/report`,
      tags,
      summary: 'The panel report: the body and panel see drafts; the organization from the factual check on; the ministry the final report',
      security,
      request: { params: caseParam },
      responses: { 200: jsonContent(reportSchema, 'The report'), ...writeErrorResponses },
    }),
    async (c) => c.json(await report.getReport(c.get('ctx'), c.req.valid('param').id), 200),
  );
  type ReportRun<Body> = (ctx: Parameters<typeof report.getReport>[0], id: string, body: Body) => ReturnType<typeof report.getReport>;
  const reportRoute = { method: 'post', tags, security, responses: { 200: jsonContent(reportSchema, 'The report'), ...writeErrorResponses } } as const;
  const reportStep = <S extends z.ZodType>(path: string, summary: string, schema: S, run: ReportRun<z.output<S>>) =>
    app.openapi(
      createRoute({ ...reportRoute, path: `${base}/cases/{id}/report${path}`, summary, request: { params: caseParam, ...jsonBody(schema) } }),
      async (c) => c.json(await writeTx(c, (ctx) => run(ctx, validId(c), validBody<z.output<S>>(c))), 200),
    );
  const bodilessReportStep = (path: string, summary: string, run: ReportRun<undefined>) =>
    app.openapi(
      createRoute({ ...reportRoute, path: `${base}/cases/{id}/report${path}`, summary, request: { params: caseParam } }),
      async (c) => c.json(await writeTx(c, (ctx) => run(ctx, c.req.valid('param').id, undefined)), 200),
    );
  reportStep('/versions', 'The chair saves a new draft version with grades per standard', reportVersionInputSchema, (ctx, id, body) =>
    report.createVersion(ctx, id, body),
  );
  bodilessReportStep('/submission', 'The chair submits the latest draft for the template check (every standard graded)', (ctx, id) =>
    report.submitReport(ctx, id),
  );
  reportStep(
    '/template-check',
    "The coordinator's template check: pass (to the organization's factual check) or return with comments",
    templateCheckInputSchema,
    (ctx, id, body) => report.checkTemplate(ctx, id, body),
  );
  reportStep('/dissents', 'A panel member records a dissenting opinion (optionally on one standard)', dissentInputSchema, (ctx, id, body) =>
    report.addDissent(ctx, id, body),
  );
  reportStep(
    '/factual-comments',
    "The organization's factual comments on the report sent to it",
    factualCommentsInputSchema,
    (ctx, id, body: { text: string }) => report.addFactualComments(ctx, id, body.text),
  );
  reportStep('/final', 'The panel chair finalizes the report after the factual check (grades may be corrected)', reportVersionInputSchema, (ctx, id, body) =>
    report.finalizeReport(ctx, id, body),
  );
}

function registerCouncilRoutes(app: Api): void {
  const tags = ['Council'];
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/council/meetings`,
      tags,
      summary: 'Council meetings of your body (its staff and council members); each agenda item says whether you are recused',
      security,
      request: { query: z.object({ body: z.string().uuid().optional(), ...paginationQuery }) },
      responses: { 200: jsonContent(listOf(meetingSchema, 'CouncilMeetingList'), 'Meetings'), ...writeErrorResponses },
    }),
    async (c) => c.json(await council.listMeetings(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/council/meetings`,
      tags,
      summary: 'Schedule a council meeting with its agenda of cases and proposed outcomes',
      security,
      request: jsonBody(meetingInputSchema),
      responses: { 201: jsonContent(meetingSchema, 'Scheduled'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => council.createMeeting(ctx, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/council/meetings/{id}`,
      tags,
      summary: 'One council meeting',
      security,
      request: { params: idParam },
      responses: { 200: jsonContent(meetingSchema, 'The meeting'), ...writeErrorResponses },
    }),
    async (c) => c.json(await council.getMeeting(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/council/meetings/{id}/status`,
      tags,
      summary: 'Mark a scheduled meeting as held or cancelled (a cancelled meeting takes no votes)',
      security,
      request: { params: idParam, ...jsonBody(meetingStatusInputSchema) },
      responses: { 200: jsonContent(meetingSchema, 'The meeting'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => council.setMeetingStatus(ctx, c.req.valid('param').id, c.req.valid('json').status)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/council/meetings/{id}/agenda`,
      tags,
      summary: 'Add a case to the agenda',
      security,
      request: { params: idParam, ...jsonBody(agendaItemInputSchema) },
      responses: { 201: jsonContent(meetingSchema, 'The meeting'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => council.addAgendaItem(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/council/meetings/{id}/votes`,
      tags,
      summary: 'Vote tallies per case; a recused member gets 403 for their case; a member sees a tally only once the vote closes (COUNCIL_TALLY_SHOWN), until then its case is left out of the list',
      security,
      request: { params: idParam, query: z.object({ caseId: z.string().uuid().optional() }) },
      responses: { 200: jsonContent(listOf(tallySchema, 'CouncilTallyList'), 'Tallies'), ...writeErrorResponses },
    }),
    async (c) => c.json(await council.listVotes(c.get('ctx'), c.req.valid('param').id, c.req.valid('query').caseId), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/council/meetings/{id}/votes`,
      tags,
      summary: 'A council member votes for, against or abstains on a case, once, while it awaits this meeting (409 after the decision); a recused member, or one appointed after the meeting, is refused (403)',
      security,
      request: { params: idParam, ...jsonBody(voteInputSchema) },
      responses: { 201: jsonContent(z.object({ caseId: z.string(), choice: z.string() }), 'Recorded'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => council.castVote(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/council/declarations`,
      tags,
      summary: 'A council member declares a conflict of interest with an organization',
      security,
      request: jsonBody(declarationInputSchema),
      responses: { 201: jsonContent(z.object({ id: z.string(), organizationId: z.string(), reason: z.string() }), 'Declared'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => council.declareConflict(ctx, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/council/affiliations`,
      tags,
      summary: 'A council member records their own employment or study at an organization',
      security,
      request: jsonBody(affiliationInputSchema),
      responses: {
        201: jsonContent(z.object({ id: z.string(), organizationId: z.string(), kind: z.string() }).passthrough(), 'Recorded'),
        ...writeErrorResponses,
      },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => council.addAffiliation(ctx, c.req.valid('json'))), 201),
  );
}
