/** `npm run compliance:explain -- <case.json>`: a project's obligations under the 2022 CGP, as JSON (docs/compliance.md). */
import { readFile } from 'node:fs/promises';
import { explainCase } from '../lib/compliance/engine/explain';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('usage: npm run compliance:explain -- <case.json>   (format: docs/compliance.md)');
  process.exit(2);
}
let text: string;
try {
  text = await readFile(file, 'utf8');
} catch (e) {
  console.error(`cannot read ${file}: ${(e as Error).message}`);
  process.exit(2);
}
const result = explainCase(text, file);
if (!result.ok) {
  console.error(result.error);
  process.exit(1);
}
console.log(result.json);
