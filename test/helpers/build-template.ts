// `node --import tsx test/helpers/build-template.ts demo`: builds a test template when missing
// (started in the background by test/global-setup.ts).
import { type TemplateName, prepareTemplate } from './database.ts';

const name = process.argv[2] as TemplateName;
if (name !== 'reference' && name !== 'demo') throw new Error(`no template named ${name}`);
await prepareTemplate(name);
